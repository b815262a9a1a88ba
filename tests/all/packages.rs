//! Installing packages: a bad `.wasm` or manifest is refused with a message
//! naming the problem and nothing is half-installed; upgrades keep data.

use std::collections::BTreeMap;

use estive_core::package::Package;
use estive_testing::{TestHost, build_package};

use crate::fixtures::fixture;

fn hello() -> Package {
    build_package(&fixture("hello")).expect("hello builds")
}

/// Append a top-level custom section to a component.
fn with_section(mut wasm: Vec<u8>, name: &str, data: &[u8]) -> Vec<u8> {
    let mut payload = Vec::new();
    leb(&mut payload, name.len() as u64);
    payload.extend_from_slice(name.as_bytes());
    payload.extend_from_slice(data);
    wasm.push(0);
    leb(&mut wasm, payload.len() as u64);
    wasm.extend_from_slice(&payload);
    wasm
}

fn leb(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            break;
        }
        out.push(byte | 0x80);
    }
}

async fn empty_host() -> TestHost {
    TestHost::builder().start().await.unwrap()
}

async fn refused(
    host: &TestHost,
    manifest: String,
    wasm: Vec<u8>,
    files: BTreeMap<String, Vec<u8>>,
) -> String {
    let err = match Package::from_parts(manifest, wasm, files) {
        Err(e) => e,
        Ok(p) => host
            .state
            .platform
            .install(p)
            .await
            .expect_err("the package must be refused"),
    };
    assert!(
        host.state
            .platform
            .installed_versions(None)
            .await
            .unwrap()
            .is_empty(),
        "nothing half-installed"
    );
    format!("{err:#}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_that_is_not_a_component_is_refused() {
    let host = empty_host().await;
    let p = hello();
    let e = refused(
        &host,
        p.manifest_text.clone(),
        b"\0asm\x01\0\0\0".to_vec(),
        p.files.clone(),
    )
    .await;
    assert!(
        e.contains("core WebAssembly module, not a component"),
        "{e}"
    );
    let e = refused(
        &host,
        p.manifest_text.clone(),
        b"<html>oops</html>".to_vec(),
        p.files.clone(),
    )
    .await;
    assert!(e.contains("not WebAssembly"), "{e}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_component_for_an_unknown_api_version_is_refused_naming_both() {
    let host = empty_host().await;
    let p = hello();
    let wasm = with_section(p.wasm.clone(), "estive:api-version", b"2.0.0");
    let e = refused(&host, p.manifest_text.clone(), wasm, p.files.clone()).await;
    assert!(
        e.contains("built for estive:plugin@2.0.0")
            && e.contains("serves estive:plugin 1.0 up to 1.1"),
        "{e}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_component_stamped_with_another_served_version_is_refused_at_install() {
    // hello is built with the SDK (the newest API); stamped as the other
    // served version, its imports do not match that version's world.
    let host = empty_host().await;
    let p = hello();
    let built = estive_core::package::Package::from_parts(
        p.manifest_text.clone(),
        p.wasm.clone(),
        p.files.clone(),
    )
    .unwrap()
    .api_version;
    let other = if built.minor == 0 { b"1.1.0" } else { b"1.0.0" };
    let wasm = with_section(p.wasm.clone(), "estive:api-version", other);
    let e = refused(&host, p.manifest_text.clone(), wasm, p.files.clone()).await;
    let claimed = String::from_utf8_lossy(other);
    assert!(
        e.contains(&format!("estive:plugin@{claimed}")) && e.contains("does not provide"),
        "{e}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_manifest_with_an_error_is_refused_with_its_reason() {
    let host = empty_host().await;
    let p = hello();
    let cases = [
        (
            p.manifest_text
                .replace("default-path", "colour = 1\ndefault-path"),
            "unknown field `colour`",
        ),
        (
            p.manifest_text
                .replace("version = \"1.0.0\"", "version = \"one\""),
            "version",
        ),
        (
            p.manifest_text
                .replace("permission = \"hello.see\"", "permission = \"hello.hide\""),
            "`hello.hide`, which is not declared",
        ),
        (
            p.manifest_text
                .replace("type = \"datetime\"", "type = \"timestamp\""),
            "unknown variant `timestamp`",
        ),
        (
            p.manifest_text
                .replace("path = \"/export.csv\"", "path = \"/\""),
            "clashes",
        ),
        (
            p.manifest_text.replace("api = \"^1.0\"", "api = \"^2.0\""),
            "asks for estive:plugin ^2.0",
        ),
    ];
    for (manifest, expected) in cases {
        let e = refused(&host, manifest, p.wasm.clone(), p.files.clone()).await;
        assert!(e.contains(expected), "expected `{expected}` in: {e}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_component_whose_exports_do_not_match_is_refused() {
    let host = empty_host().await;
    let p = hello();
    let mismatch = build_package(&fixture("mismatch")).map(|m| m.wasm);
    // The fixture's manifest is fine; its component exports another world.
    let wasm = match mismatch {
        Ok(w) => w,
        Err(e) => {
            // Package::from_parts passes (the stamp is right); install fails.
            panic!("the mismatch fixture should build and stamp: {e:#}");
        }
    };
    let e = refused(&host, p.manifest_text.clone(), wasm, p.files.clone()).await;
    assert!(
        e.contains("does not export what estive:plugin@1.0.0 requires")
            || e.contains("imports something the host does not provide"),
        "{e}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn installing_twice_is_harmless_and_a_changed_build_needs_a_new_version() {
    let host = empty_host().await;
    let p = hello();
    host.state.platform.install(p.clone()).await.unwrap();
    assert_eq!(
        host.state.platform.install(p.clone()).await.unwrap(),
        estive_core::platform::plugins::InstallOutcome::AlreadyInstalled
    );
    let changed = Package::from_parts(
        p.manifest_text.replace("Bonjour", "Salut"),
        p.wasm.clone(),
        p.files.clone(),
    )
    .unwrap();
    let e = host.state.platform.install(changed).await.unwrap_err();
    assert!(
        format!("{e}").contains("already installed with other contents (plugin.toml differ): raise `version` in plugin.toml (to 1.0.1)"),
        "{e}"
    );
    // Only a template changed (the same component): refused too, naming
    // it; it used to be taken for the installed build and ignored.
    let mut files = p.files.clone();
    files.insert("templates/list.html".into(), b"<p>Autre page</p>".to_vec());
    files.insert("templates/new.html".into(), b"<p>Nouvelle</p>".to_vec());
    let template = Package::from_parts(p.manifest_text.clone(), p.wasm.clone(), files).unwrap();
    let e = host.state.platform.install(template).await.unwrap_err();
    assert!(
        format!("{e}").contains("(templates/list.html, templates/new.html differ)"),
        "{e}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upgrade_keeps_the_data_and_adds_columns() {
    let host = TestHost::builder()
        .plugin(fixture("hello"))
        .start()
        .await
        .unwrap();
    let c = host.client();
    let page = c
        .post_form("/bonjour/", &[("name", "Avant")])
        .await
        .unwrap();
    assert!(page.contains("<li>Avant</li>"), "saved: {}", page.text);
    let p = hello();
    let v2 = p
        .manifest_text
        .replace("version = \"1.0.0\"", "version = \"1.1.0\"")
        .replace("{ name = \"created_at\", type = \"datetime\" },", "{ name = \"created_at\", type = \"datetime\" },\n  { name = \"mood\", type = \"text\", default = \"joyeux\" },");
    let switched = host
        .state
        .platform
        .upgrade(Package::from_parts(v2, p.wasm.clone(), p.files.clone()).unwrap())
        .await
        .unwrap();
    assert_eq!(switched.1, vec!["test".to_string()]);
    host.state.render.reset(&host.state.platform);
    let snap = host.state.platform.snapshot();
    assert_eq!(
        snap.site("test")
            .unwrap()
            .plugin("hello")
            .unwrap()
            .loaded
            .version()
            .to_string(),
        "1.1.0"
    );
    let page = c.get("/bonjour/").await.unwrap();
    assert!(page.contains("<li>Avant</li>"), "data kept: {}", page.text);
    // A breaking change is refused and the site stays on 1.1.0.
    let v3 = p
        .manifest_text
        .replace("version = \"1.0.0\"", "version = \"1.2.0\"")
        .replace(
            "name = \"name\", type = \"text\"",
            "name = \"name\", type = \"integer\"",
        )
        // An integer column cannot be searched: the change of type is
        // what is refused here.
        .replace("search = [\"name\"]\n", "");
    let e = host
        .state
        .platform
        .upgrade(Package::from_parts(v3, p.wasm.clone(), p.files.clone()).unwrap())
        .await
        .unwrap_err();
    assert!(format!("{e:#}").contains("changes type"), "{e:#}");
    assert_eq!(
        host.state
            .platform
            .snapshot()
            .site("test")
            .unwrap()
            .plugin("hello")
            .unwrap()
            .loaded
            .version()
            .to_string(),
        "1.1.0"
    );
}
