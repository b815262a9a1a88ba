//! The author's commands end to end: a new crate from `estive plugin new`,
//! built and packed by `estive plugin build` and `pack`, installed on a
//! host, and used through its form as a person would.

use std::path::{Path, PathBuf};

use estive_core::author::{self, Sdk};
use estive_core::package::Package;
use estive_testing::Builder;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ is in the workspace")
        .to_path_buf()
}

/// Where the new crates of these tests build, kept between runs (each is a
/// workspace of its own, so it would otherwise start from nothing).
fn scaffold_target() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace().join("target"), PathBuf::from)
        .join("scaffold")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_plugin_builds_packs_installs_and_takes_an_entry() {
    let dir = tempfile::tempdir().unwrap();
    let at = dir.path().join("fetes");
    author::new_crate("fetes", &at, &Sdk::Path(workspace().join("host-sdk"))).unwrap();

    let target = scaffold_target();
    let built = tokio::task::spawn_blocking({
        let at = at.clone();
        move || author::build_in(&at, Some(&target))
    })
    .await
    .unwrap()
    .expect("the new crate builds");
    assert_eq!(built.package.name(), "fetes");
    assert_eq!(built.package.version().to_string(), "0.1.0");
    assert_eq!(built.package.api_version.to_string(), "1.1.0");

    let zip = author::pack(&built, Some(&dir.path().join("fetes.zip"))).unwrap();
    let package = Package::read(&zip).expect("the zip installs");

    let host = Builder::default().package(package).start().await.unwrap();
    let anon = host.client();
    let page = anon.get("/fetes/").await.unwrap();
    assert_eq!(page.status, 200, "{}", page.text);
    assert!(page.shows("La liste est vide."), "{}", page.text);

    // Sent empty: shown again with the error, nothing stored.
    let form = page.form("/fetes/").unwrap();
    let again = form.submit(&anon).await.unwrap();
    assert_eq!(again.status, 422, "{}", again.text);
    assert!(again.text.contains("error-summary"), "{}", again.text);
    assert!(
        again.text.contains("aria-invalid=\"true\""),
        "{}",
        again.text
    );

    let mut form = again.form("/fetes/").unwrap();
    form.set("title", "Fête du village, le 14 juillet").unwrap();
    let done = form.submit(&anon).await.unwrap();
    assert_eq!(done.status, 200, "{}", done.text);
    assert!(done.shows("Ajouté à la liste."), "{}", done.text);
    assert!(
        done.shows("Fête du village, le 14 juillet"),
        "{}",
        done.text
    );
}

#[test]
fn install_says_what_it_did_even_when_not_in_a_terminal() {
    let data = tempfile::tempdir().unwrap();
    let frozen = workspace().join("tests/frozen/api-1.0");
    let install = || {
        std::process::Command::new(crate::check::estive())
            .args(["plugin", "install", "--allow-unsigned"])
            .arg(&frozen)
            .env("ESTIVE_DATA", data.path())
            .env_remove("DATABASE_URL")
            .output()
            .expect("estive runs")
    };
    let first = install();
    let printed = String::from_utf8_lossy(&first.stdout);
    assert!(
        first.status.success(),
        "{printed}{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert_eq!(printed.trim(), "installed frozen 1.0.0 (unsigned)");
    let again = install();
    assert!(again.status.success());
    assert_eq!(
        String::from_utf8_lossy(&again.stdout).trim(),
        "frozen 1.0.0 is already installed"
    );
}

/// Stops the child process when the test ends, passed or not.
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// GET `url` until `ok` holds for the page's text, for at most `secs`.
async fn until(url: &str, secs: u64, ok: impl Fn(u16, &str) -> bool) -> (u16, String) {
    let http = reqwest::Client::new();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    let mut last = (0, String::new());
    while std::time::Instant::now() < deadline {
        if let Ok(r) = http.get(url).send().await {
            let status = r.status().as_u16();
            let text = r.text().await.unwrap_or_default();
            if ok(status, &text) {
                return (status, text);
            }
            last = (status, text);
        }
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    panic!(
        "{url} did not become as expected in {secs} s; last answer {}:\n{}",
        last.0, last.1
    );
}

/// `estive plugin dev` on a new crate: the page with its demo rows, then a
/// changed template and catalogue live at the next page without a version
/// bump, a broken template refused with its line (the last good build
/// keeps serving), and a change of the code rebuilt. Outside dev, the same
/// version with other contents is refused with what to do.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plugin_dev_serves_the_crate_and_reloads_what_changes() {
    let dir = tempfile::tempdir().unwrap();
    let at = dir.path().join("fetes");
    author::new_crate("fetes", &at, &Sdk::Path(workspace().join("host-sdk"))).unwrap();
    let target = scaffold_target();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let log = dir.path().join("dev.log");
    let _dev = Running(
        std::process::Command::new(crate::check::estive())
            .args(["plugin", "dev"])
            .arg(&at)
            .args(["--addr", &format!("127.0.0.1:{port}")])
            .env("CARGO_TARGET_DIR", &target)
            .env_remove("DATABASE_URL")
            .env_remove("ESTIVE_DATA")
            .env_remove("ESTIVE_DEMO_PASSWORD")
            .stdout(std::fs::File::create(&log).unwrap())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("estive runs"),
    );
    let url = format!("http://127.0.0.1:{port}/fetes/");
    let printed = || std::fs::read_to_string(&log).unwrap_or_default();

    // The demo rows of the new crate.
    let (_, page) = until(&url, 600, |s, t| {
        s == 200 && t.contains("Marché des producteurs")
    })
    .await;
    assert!(page.contains("Fête du village"), "{page}");
    assert!(
        printed().contains("accounts: admin, elu, agent, citoyen — password: developpement"),
        "{}",
        printed()
    );

    // A template and a catalogue: live without a version bump.
    let list = at.join("templates/list.html");
    let original = std::fs::read_to_string(&list).unwrap();
    std::fs::write(
        &list,
        format!("<p id=\"dev-marker\">Nouvelle version</p>\n{original}"),
    )
    .unwrap();
    let fr = at.join("locales/fr.ftl");
    let catalogue = std::fs::read_to_string(&fr).unwrap();
    std::fs::write(
        &fr,
        catalogue.replace("add = Ajouter", "add = Ajouter à la liste"),
    )
    .unwrap();
    until(&url, 60, |s, t| {
        s == 200 && t.contains("dev-marker") && t.contains("Ajouter à la liste")
    })
    .await;

    // A broken template is refused with its place; the page stays as it was.
    std::fs::write(&list, format!("{{% if entries %}}\n{original}")).unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !printed().contains("not reloaded") && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    let out = printed();
    assert!(out.contains("error: templates/list.html:1:"), "{out}");
    assert!(out.contains("not reloaded"), "{out}");
    let (status, page) = until(&url, 5, |s, _| s > 0).await;
    assert_eq!(status, 200, "{page}");

    // The code: rebuilt, then live.
    std::fs::write(&list, &original).unwrap();
    let lib = at.join("src/lib.rs");
    let code = std::fs::read_to_string(&lib).unwrap();
    std::fs::write(
        &lib,
        code.replace(
            ".title(i18n::t(\"fetes-title\"))",
            ".title(format!(\"{} du canton\", i18n::t(\"fetes-title\")))",
        ),
    )
    .unwrap();
    until(&url, 600, |s, t| s == 200 && t.contains("Fetes du canton")).await;

    // Outside dev, the same version with other contents is refused, naming
    // what differs and what to do.
    let built = tokio::task::spawn_blocking({
        let at = at.clone();
        let target = target.clone();
        move || author::build_in(&at, Some(&target))
    })
    .await
    .unwrap()
    .unwrap();
    let data = tempfile::tempdir().unwrap();
    let install = |path: &Path| {
        std::process::Command::new(crate::check::estive())
            .args(["plugin", "install", "--allow-unsigned"])
            .arg(path)
            .env("ESTIVE_DATA", data.path())
            .env_remove("DATABASE_URL")
            .output()
            .expect("estive runs")
    };
    assert!(install(&built.dir).status.success());
    std::fs::write(&list, format!("<p>Autre</p>\n{original}")).unwrap();
    std::fs::copy(&list, built.dir.join("templates/list.html")).unwrap();
    let refused = install(&built.dir);
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains(
            "fetes 0.1.0 is already installed with other contents (templates/list.html differ)"
        ) && said.contains("raise `version` in plugin.toml (to 0.1.1)"),
        "{said}"
    );
}

/// Signed packages from the command line: a key pair, a signed zip, a
/// server that refuses what it cannot vouch for (unsigned, an unknown key,
/// a package changed after signing) and says what to do, then installs it
/// once the key is trusted; the administrator's page shows the signer and
/// what the plugin asks to reach.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signed_packages_install_only_from_trusted_keys() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let estive = |args: &[&str]| {
        let out = std::process::Command::new(crate::check::estive())
            .args(args)
            .env("ESTIVE_DATA", &data)
            .env_remove("DATABASE_URL")
            .env_remove("ESTIVE_ALLOW_UNSIGNED")
            .output()
            .expect("estive runs");
        (
            out.status.success(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        )
    };
    let key = dir.path().join("editeur.key");
    let (ok, said) = estive(&[
        "plugin",
        "keygen",
        "--signer",
        "Syndicat mixte du Haut-Val",
        "--out",
        key.to_str().unwrap(),
    ]);
    assert!(ok, "{said}");
    let public = said
        .lines()
        .find_map(|l| l.strip_prefix("public key, for servers to trust: "))
        .expect("the public key is printed")
        .trim()
        .to_string();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "the secret key is private");
    }
    // Never overwritten.
    let (ok, said) = estive(&[
        "plugin",
        "keygen",
        "--signer",
        "x",
        "--out",
        key.to_str().unwrap(),
    ]);
    assert!(!ok && said.contains("never overwritten"), "{said}");

    let frozen = workspace().join("tests/frozen/api-1.0");
    let built = author::Built {
        package: Package::read(&frozen).unwrap(),
        dir: frozen.clone(),
    };
    let zip =
        author::pack_signed(&built, Some(&dir.path().join("frozen.zip")), Some(&key)).unwrap();
    let zip = zip.to_str().unwrap();

    let (ok, said) = estive(&["plugin", "install", frozen.to_str().unwrap()]);
    assert!(!ok, "{said}");
    assert!(
        said.contains("frozen 1.0.0 is not signed") && said.contains("--allow-unsigned"),
        "{said}"
    );

    let (ok, said) = estive(&["plugin", "install", zip]);
    assert!(!ok, "{said}");
    assert!(
        said.contains("signed by “Syndicat mixte du Haut-Val”")
            && said.contains("which this server does not trust")
            && said.contains(&format!("estive plugin trust {public}")),
        "{said}"
    );

    // Changed after signing: refused, even when unsigned ones are allowed.
    let tampered = dir.path().join("tampered.zip");
    {
        let bytes = std::fs::read(zip).unwrap();
        let mut src = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut out = zip::ZipWriter::new(std::fs::File::create(&tampered).unwrap());
        let options = zip::write::SimpleFileOptions::default();
        for i in 0..src.len() {
            let mut entry = src.by_index(i).unwrap();
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut buf).unwrap();
            out.start_file(entry.name(), options).unwrap();
            std::io::Write::write_all(&mut out, &buf).unwrap();
        }
        out.start_file("templates/added.html", options).unwrap();
        std::io::Write::write_all(&mut out, b"<script>steal()</script>").unwrap();
        out.finish().unwrap();
    }
    let (ok, said) = estive(&[
        "plugin",
        "install",
        "--allow-unsigned",
        tampered.to_str().unwrap(),
    ]);
    assert!(!ok, "{said}");
    assert!(said.contains("does not match its contents"), "{said}");

    // Trusted: installed, saying by whom.
    let (ok, said) = estive(&["plugin", "trust", &public, "--name", "Syndicat mixte"]);
    assert!(ok, "{said}");
    let (ok, said) = estive(&["plugin", "install", zip]);
    assert!(ok, "{said}");
    assert!(
        said.contains("installed frozen 1.0.0, signed by Syndicat mixte"),
        "{said}"
    );

    // The administrator sees who signed it before enabling it.
    let signed = Package::read(Path::new(zip)).unwrap();
    let host = Builder::default().package(signed).start().await.unwrap();
    let admin = host.login("admin").await.unwrap();
    let page = admin.get("/admin/plugins").await.unwrap();
    assert_eq!(page.status, 200, "{}", page.text);
    assert!(
        page.shows("Signé par « Syndicat mixte du Haut-Val »"),
        "{}",
        page.text
    );
    assert!(page.shows("clé inconnue de ce serveur"), "{}", page.text);
    assert!(page.shows(&public), "{}", page.text);
    assert!(
        page.shows("Aucun : le module n’utilise que ses propres données."),
        "{}",
        page.text
    );

    // An unsigned plugin that asks for mail (hello): said as such.
    let host = crate::fixtures::host_with(&[]).await;
    let admin = host.login("admin").await.unwrap();
    let page = admin.get("/admin/plugins").await.unwrap();
    assert!(page.shows("Non signé"), "{}", page.text);
    assert!(
        page.shows("Courriels aux comptes du site")
            && page.shows("Envoyer un bonjour par courriel à un compte du site."),
        "{}",
        page.text
    );
}

/// What an author does on a machine with only the `estive` binary and a
/// Rust toolchain: `estive plugin new` (the SDK and the harness the binary
/// carries unpacked into ESTIVE_HOME, no checkout), then the crate's own
/// `cargo test`, the harness compiled without the host and the binary
/// serving the plugin (`BinaryHost`). Prints how long the test took.
#[test]
fn the_new_crates_own_test_passes_with_the_binary_and_no_host_compiled() {
    let dir = tempfile::tempdir().unwrap();
    let at = dir.path().join("marche");
    let home = dir.path().join("home");
    let made = std::process::Command::new(crate::check::estive())
        .args(["plugin", "new", "marche", "--dir"])
        .arg(&at)
        .env("ESTIVE_HOME", &home)
        .output()
        .expect("estive runs");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let cargo_toml = std::fs::read_to_string(at.join("Cargo.toml")).unwrap();
    assert!(
        cargo_toml.contains("estive-sdk = { version = \"0.3\", path = ")
            && cargo_toml.contains("sdk/estive-sdk-0.3.0")
            && !cargo_toml.contains(&workspace().display().to_string()),
        "the unpacked SDK, not this checkout: {cargo_toml}"
    );
    let target = scaffold_target();
    let started = std::time::Instant::now();
    let out = std::process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["test", "--quiet"])
        .current_dir(&at)
        .env("CARGO_TARGET_DIR", &target)
        .env("ESTIVE_BIN", crate::check::estive())
        .env_remove("DATABASE_URL")
        .env_remove("ESTIVE_DATA")
        .output()
        .expect("cargo runs");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{said}");
    assert!(said.contains("1 passed"), "{said}");
    // The harness compiled no host.
    let deps = target.join("debug").join("deps");
    let host_built = std::fs::read_dir(&deps)
        .map(|d| {
            d.flatten().any(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with("libestive_core-")
            })
        })
        .unwrap_or(false);
    assert!(!host_built, "estive-core was compiled for the crate's test");
    println!(
        "the new crate's first test: {:.0} s (cargo test, target {})",
        started.elapsed().as_secs_f64(),
        target.display()
    );
}
