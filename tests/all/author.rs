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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_plugin_builds_packs_installs_and_takes_an_entry() {
    let dir = tempfile::tempdir().unwrap();
    let at = dir.path().join("fetes");
    author::new_crate("fetes", &at, &Sdk::Path(workspace().join("host-sdk"))).unwrap();

    // Built in a target folder kept between runs (the crate is a
    // workspace of its own, so it would otherwise start from nothing).
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace().join("target"), PathBuf::from)
        .join("scaffold");
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
            .args(["plugin", "install"])
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
    assert_eq!(printed.trim(), "installed frozen 1.0.0");
    let again = install();
    assert!(again.status.success());
    assert_eq!(
        String::from_utf8_lossy(&again.stdout).trim(),
        "frozen 1.0.0 is already installed"
    );
}
