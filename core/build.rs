//! Embeds `templates/`, `static/` and `locales/` into the binary so that a
//! single `estive` file runs anywhere, and the SDK and test harness sources
//! so that `estive plugin new` builds without a checkout or crates.io.

use std::fmt::Write as _;
use std::path::Path;

fn collect(dir: &Path, rel: &str, out: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().to_string();
        if name.starts_with('.') {
            continue;
        }
        let key = format!("{rel}/{name}");
        if e.path().is_dir() {
            collect(&e.path(), &key, out);
        } else {
            out.push((key, e.path().canonicalize().unwrap().display().to_string()));
        }
    }
}

fn main() {
    // Read at run time: a build script compiled once is reused for every
    // checkout sharing a target directory (its hash does not depend on the
    // path), and `env!` would embed the first checkout's files in all.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo");
    let root = Path::new(&manifest_dir);
    let mut files = Vec::new();
    for dir in ["templates", "static", "locales"] {
        println!("cargo:rerun-if-changed={dir}");
        collect(&root.join(dir), dir, &mut files);
    }
    let mut code = String::from(
        "/// Files embedded from the crate folder: (path, bytes).\npub static FILES: &[(&str, &[u8])] = &[\n",
    );
    for (key, path) in files {
        writeln!(code, "    ({key:?}, include_bytes!({path:?})),").unwrap();
    }
    code.push_str("];\n");

    // The SDK and the harness, for `estive plugin new` on a machine with
    // only this binary (see `author::unpack_bundled`), and the workspace
    // manifest their own manifests inherit from.
    let repo = root.parent().expect("core/ is in the workspace");
    let mut bundled = Vec::new();
    let workspace = repo.join("Cargo.toml");
    println!("cargo:rerun-if-changed={}", workspace.display());
    bundled.push((
        "workspace.toml".to_string(),
        workspace.canonicalize().unwrap().display().to_string(),
    ));
    for (name, dir, parts) in [
        (
            "estive-sdk",
            "host-sdk",
            &["Cargo.toml", "README.md", "CHANGELOG.md", "src", "wit"][..],
        ),
        (
            "estive-testing",
            "testing",
            &[
                "Cargo.toml",
                "src/lib.rs",
                "src/binary.rs",
                "src/form.rs",
                "src/browser.rs",
            ][..],
        ),
    ] {
        for part in parts {
            let path = repo.join(dir).join(part);
            println!("cargo:rerun-if-changed={}", path.display());
            if path.is_dir() {
                collect(&path, &format!("{name}/{part}"), &mut bundled);
            } else {
                bundled.push((
                    format!("{name}/{part}"),
                    path.canonicalize().unwrap().display().to_string(),
                ));
            }
        }
    }
    code.push_str(
        "/// The SDK and the test harness (without its host): (path, bytes).\npub static BUNDLED: &[(&str, &[u8])] = &[\n",
    );
    for (key, path) in bundled {
        writeln!(code, "    ({key:?}, include_bytes!({path:?})),").unwrap();
    }
    code.push_str("];\n");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("assets.rs");
    std::fs::write(out, code).unwrap();
}
