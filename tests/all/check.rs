//! `estive plugin check`: the real binary on a copy of `hello` with a broken
//! template (the finding printed like a compiler's, exit status 1), and every
//! shipped plugin and fixture checked without an error but the known ones.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use estive_core::package::check::{Severity, check_dir};
use estive_testing::build_package;

use crate::fixtures::fixture;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ is inside the workspace")
        .to_path_buf()
}

/// The `estive` binary of this test's profile, built by cargo if it is not
/// up to date (this crate only depends on `estive-core`'s library, so cargo
/// does not build the binary for it).
pub(crate) fn estive() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        // target/<profile>/deps/all-<hash>
        let exe = std::env::current_exe().expect("the test's path");
        let profile = exe
            .parent()
            .and_then(Path::parent)
            .and_then(Path::file_name)
            .and_then(|n| n.to_str())
            .map_or("dev", |p| if p == "debug" { "dev" } else { p })
            .to_string();
        let out = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args([
                "build",
                "--quiet",
                "-p",
                "estive-core",
                "--bin",
                "estive",
                "--message-format=json",
                "--profile",
                &profile,
            ])
            .current_dir(workspace())
            .output()
            .expect("cargo runs");
        let messages: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect();
        assert!(
            out.status.success(),
            "building estive failed:\n{}{}",
            messages
                .iter()
                .filter_map(|m| m["message"]["rendered"].as_str())
                .collect::<String>(),
            String::from_utf8_lossy(&out.stderr)
        );
        messages
            .into_iter()
            .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == "estive")
            .find_map(|m| m["executable"].as_str().map(PathBuf::from))
            .expect("cargo names the estive executable")
    })
}

fn plugin_check(dir: &Path) -> Output {
    Command::new(estive())
        .args(["plugin", "check"])
        .arg(dir)
        .env("ESTIVE_LOG", "warn")
        .output()
        .expect("estive runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A copy of a plugin's crate folder: manifest, templates, locales, sources.
fn copy_plugin(from: &Path) -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            let target = to.join(e.file_name());
            if e.path().is_dir() {
                copy(&e.path(), &target);
            } else {
                std::fs::copy(e.path(), target).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(from.join("plugin.toml"), dir.path().join("plugin.toml")).unwrap();
    for sub in ["templates", "locales", "src"] {
        if from.join(sub).is_dir() {
            copy(&from.join(sub), &dir.path().join(sub));
        }
    }
    dir
}

/// The summary line's counts: (templates, errors, warnings).
fn counts(printed: &str) -> (usize, usize, usize) {
    let last = printed.lines().last().unwrap_or_default();
    let number = |before: &str| -> usize {
        let end = last.find(before).unwrap_or_else(|| panic!("{last}"));
        let start = last[..end].rfind(' ').map_or(0, |i| i + 1);
        last[start..end]
            .parse()
            .unwrap_or_else(|_| panic!("{last}"))
    };
    assert!(last.starts_with("plugin.toml valid; "), "{printed}");
    (number(" template"), number(" error"), number(" warning"))
}

#[test]
fn a_broken_template_is_reported_with_its_place_and_fails() {
    let dir = copy_plugin(&fixture("hello"));
    let templates = std::fs::read_dir(dir.path().join("templates"))
        .unwrap()
        .count();
    let ok = plugin_check(dir.path());
    let printed = stdout(&ok);
    assert_eq!(ok.status.code(), Some(0), "{ok:?}");
    assert!(
        printed.starts_with(
            "hello 1.0.0: manifest valid; no plugin.wasm in this folder, the component is not checked\n"
        ),
        "{printed}"
    );
    let (n, errors, warnings) = counts(&printed);
    assert_eq!((n, errors), (templates, 0), "{printed}");
    assert!(printed.ends_with(&format!(
        "plugin.toml valid; {templates} templates, 2 catalogues, 1 Rust file from src/ checked: 0 errors, {warnings} warning{}\n",
        if warnings == 1 { "" } else { "s" }
    )), "{printed}");

    // An `{% if %}` left open on line 3, column 33, inside a `for`.
    let list = dir.path().join("templates/list.html");
    let text = std::fs::read_to_string(&list).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines[2] = "<ul>{% for g in greetings %}<li>{% if g.name %}{{ g.name }}</li>{% endfor %}</ul>";
    std::fs::write(&list, lines.join("\n")).unwrap();
    let out = plugin_check(dir.path());
    let printed = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        printed.contains(
            "\nerror: templates/list.html:3:33: unclosed block 'if': `{% endfor %}` on line 3, column 65 comes before its `{% endif %}`\n"
        ),
        "{printed}"
    );
    assert_eq!(counts(&printed), (templates, 1, warnings), "{printed}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 error(s) found"), "{stderr}");

    // Left open at the end of the template: the finding points at the tag.
    lines[2] = "<ul>{% for g in greetings %}<li>{{ g.name }}</li>{% endfor %}</ul>";
    lines.push("  {% if greeting %}<p>{{ greeting }}</p>");
    std::fs::write(&list, lines.join("\n")).unwrap();
    let out = plugin_check(dir.path());
    let printed = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        printed.contains(&format!(
            "\nerror: templates/list.html:{}:3: unclosed block 'if': the template ends before its `{{% endif %}}`\n",
            lines.len()
        )),
        "{printed}"
    );

    // A warning alone passes.
    std::fs::write(&list, text).unwrap();
    std::fs::write(dir.path().join("templates/old.html"), "<p>old</p>").unwrap();
    let out = plugin_check(dir.path());
    let printed = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        printed.contains(
            "\nwarning: templates/old.html:1:1: template never used: no string in src/ names it and no template includes it\n"
        ),
        "{printed}"
    );
    assert_eq!(
        counts(&printed),
        (templates + 1, 0, warnings + 1),
        "{printed}"
    );
}

#[test]
fn a_package_with_its_component_is_checked_too() {
    let dir = copy_plugin(&fixture("hello"));
    let package = build_package(&fixture("hello")).expect("hello builds");
    std::fs::write(dir.path().join("plugin.wasm"), &package.wasm).unwrap();
    std::fs::write(
        dir.path().join("locales/en.ftl"),
        "hello-title = Hello\nhello-name Your name\n",
    )
    .unwrap();
    let out = plugin_check(dir.path());
    let printed = stdout(&out);
    // The install checks refuse the catalogue; the finding says where.
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        printed.contains(
            "error: locales/en.ftl:2:12: syntax error: expected a token starting with \"=\"; the host drops the entry `hello-name`\n"
        ),
        "{printed}"
    );
    assert!(
        printed.contains(
            ":1: key `hello-send` is missing from locales/en.ftl: English pages show the French text\n"
        ),
        "{printed}"
    );

    // Repaired, the component is inspected as before.
    std::fs::copy(
        fixture("hello").join("locales/en.ftl"),
        dir.path().join("locales/en.ftl"),
    )
    .unwrap();
    let out = plugin_check(dir.path());
    let printed = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        printed.starts_with("hello 1.0.0: manifest valid, component built for estive:plugin@"),
        "{printed}"
    );
}

/// Errors of the shipped plugins that are real and not fixed yet: (plugin
/// folder, file, start of the message). Remove a line when its plugin is
/// repaired. None today: polls' checkbox label key, which shadowed the
/// SDK's field error, was renamed.
const KNOWN: &[(&str, &str, &str)] = &[];

#[test]
fn shipped_plugins_and_fixtures_have_no_error() {
    let root = workspace();
    let mut dirs = Vec::new();
    for parent in ["plugins", "tests/fixtures"] {
        let mut found: Vec<PathBuf> = std::fs::read_dir(root.join(parent))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.join("plugin.toml").is_file())
            .collect();
        found.sort();
        if parent == "plugins" {
            assert_eq!(found.len(), 9, "{found:?}");
        }
        dirs.extend(found);
    }
    let mut errors = Vec::new();
    for dir in &dirs {
        let rel = dir
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let report = check_dir(dir, estive_core::web::render::FILES).unwrap();
        assert!(report.manifest_valid, "{rel}: {:#?}", report.findings);
        for f in &report.findings {
            match f.severity {
                Severity::Error => errors.push((rel.clone(), f.file.clone(), f.message.clone())),
                Severity::Warning => eprintln!("{rel}: {f}"),
            }
        }
    }
    let is_known = |(dir, file, message): &(String, String, String)| {
        KNOWN
            .iter()
            .any(|(d, f, m)| d == dir && f == file && message.starts_with(m))
    };
    let unknown: Vec<_> = errors.iter().filter(|e| !is_known(e)).collect();
    assert!(unknown.is_empty(), "errors found: {unknown:#?}");
    let fixed: Vec<_> = KNOWN
        .iter()
        .filter(|(d, f, m)| {
            !errors
                .iter()
                .any(|(dir, file, message)| d == dir && f == file && message.starts_with(m))
        })
        .collect();
    assert!(
        fixed.is_empty(),
        "known errors no longer found, remove them from KNOWN: {fixed:#?}"
    );
}
