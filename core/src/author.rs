//! The plugin author's commands: `estive plugin new`, `build`, `pack`, and
//! `dev` (in [`dev`]).
//!
//! A plugin is an ordinary Rust crate with a `plugin.toml` beside its
//! `Cargo.toml`. `new` writes one that builds and runs as it is; `build`
//! compiles it for `wasm32-wasip2` and assembles the package folder
//! (checked as an install would check it); `pack` zips that folder for
//! `estive plugin install` or the admin's upload form. The plugin's version
//! lives in one place, `plugin.toml`: the crate's own version is not used.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, Result, bail};

use crate::package::Package;

pub mod dev;

/// The WebAssembly target plugins are built for.
pub const TARGET: &str = "wasm32-wasip2";

/// The SDK version a new crate asks for.
pub const SDK_VERSION: &str = "0.3";

/// The test harness version a new crate asks for.
pub const TESTING_VERSION: &str = "0.1";

/// A built plugin: its package folder, checked.
pub struct Built {
    pub package: Package,
    pub dir: PathBuf,
}

/// Where the SDK comes from in a new crate.
pub enum Sdk {
    /// The published crate, `estive-sdk = "<version>"`.
    Registry(String),
    /// A local checkout of this repository (its `host-sdk` folder).
    Path(PathBuf),
    /// The SDK and harness this binary carries, unpacked by
    /// [`unpack_bundled`]: `estive-sdk = { version, path }`.
    Bundled {
        /// The unpacked `estive-sdk`.
        sdk: PathBuf,
        /// The unpacked `estive-testing` (without its host).
        testing: PathBuf,
    },
}

fn is_plugin_name(name: &str) -> bool {
    crate::package::manifest::is_identifier(name, 40)
        && name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
}

/// Write a new plugin crate `name` into `dir` (which must not exist or be
/// empty).
///
/// # Errors
/// The name is not a plugin name, the folder is not empty, or a file
/// cannot be written.
pub fn new_crate(name: &str, dir: &Path, sdk: &Sdk) -> Result<Vec<PathBuf>> {
    if !is_plugin_name(name) {
        bail!(
            "`{name}` is not a plugin name: lowercase letters, digits and `_`, starting with a letter, at most 40"
        );
    }
    if dir.exists()
        && std::fs::read_dir(dir)
            .with_context(|| format!("cannot read {}", dir.display()))?
            .next()
            .is_some()
    {
        bail!(
            "{} is not empty: choose a new folder (--dir) or empty this one",
            dir.display()
        );
    }
    let (sdk_dep, testing_dep) = match sdk {
        Sdk::Registry(version) => (
            format!("estive-sdk = \"{version}\""),
            format!(
                "estive-testing = {{ version = \"{TESTING_VERSION}\", default-features = false }}"
            ),
        ),
        Sdk::Bundled { sdk, testing } => (
            format!(
                "estive-sdk = {{ version = \"{SDK_VERSION}\", path = {} }}",
                toml::Value::String(sdk.display().to_string())
            ),
            format!(
                "estive-testing = {{ version = \"{TESTING_VERSION}\", path = {}, default-features = false }}",
                toml::Value::String(testing.display().to_string())
            ),
        ),
        Sdk::Path(path) => (
            format!(
                "estive-sdk = {{ path = {} }}",
                toml::Value::String(path.display().to_string())
            ),
            format!(
                "estive-testing = {{ path = {}, default-features = false }}",
                toml::Value::String(
                    path.parent()
                        .unwrap_or(path)
                        .join("testing")
                        .display()
                        .to_string()
                )
            ),
        ),
    };
    let title = {
        let mut c = name.replace('_', " ").chars().collect::<Vec<_>>();
        if let Some(first) = c.first_mut() {
            *first = first.to_ascii_uppercase();
        }
        c.into_iter().collect::<String>()
    };
    let path = name.replace('_', "-");
    let demo_path = format!("demo/{name}.json");
    let files: Vec<(&str, String)> = vec![
        ("Cargo.toml", cargo_toml(name, &sdk_dep, &testing_dep)),
        ("build.rs", BUILD_RS.to_owned()),
        ("rust-toolchain.toml", RUST_TOOLCHAIN.to_owned()),
        (".gitignore", "/target\n".to_owned()),
        ("plugin.toml", plugin_toml(name, &title, &path)),
        ("src/lib.rs", lib_rs(name)),
        ("templates/list.html", LIST_HTML.to_owned()),
        ("tests/list.rs", TEST_RS.to_owned()),
        ("locales/fr.ftl", locale(name, &title, true)),
        ("locales/en.ftl", locale(name, &title, false)),
        (&demo_path, DEMO_JSON.to_owned()),
        ("README.md", readme(name, &path)),
    ];
    let mut written = Vec::new();
    for (file, text) in files {
        let at = dir.join(file);
        if let Some(parent) = at.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&at, text).with_context(|| format!("cannot write {}", at.display()))?;
        written.push(at);
    }
    Ok(written)
}

/// Where `estive` keeps what it unpacks for authors: `ESTIVE_HOME`, else
/// `$XDG_DATA_HOME/estive`, else `~/.local/share/estive`.
fn estive_home() -> Result<PathBuf> {
    if let Some(h) = std::env::var_os("ESTIVE_HOME").filter(|h| !h.is_empty()) {
        return Ok(PathBuf::from(h));
    }
    if let Some(x) = std::env::var_os("XDG_DATA_HOME").filter(|h| !h.is_empty()) {
        return Ok(PathBuf::from(x).join("estive"));
    }
    let home = std::env::var_os("HOME").filter(|h| !h.is_empty()).context(
        "neither ESTIVE_HOME nor HOME is set: say where to unpack the SDK with ESTIVE_HOME",
    )?;
    Ok(PathBuf::from(home).join(".local/share/estive"))
}

fn bundled_text(path: &str) -> Result<&'static str> {
    crate::web::render::BUNDLED
        .iter()
        .find(|(p, _)| *p == path)
        .and_then(|(_, b)| std::str::from_utf8(b).ok())
        .with_context(|| format!("{path} is not embedded in this binary"))
}

fn write_if_changed(path: &Path, bytes: &[u8]) -> Result<()> {
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
}

fn inherited(v: &toml::Value) -> bool {
    v.get("workspace").and_then(toml::Value::as_bool) == Some(true)
}

/// A member's manifest without what it inherits from the workspace (the
/// values written in), without the dependencies in `drop` and the
/// features and optional dependencies that only serve them.
fn standalone_manifest(mut m: toml::Table, ws: &toml::Table, drop: &[&str]) -> toml::Table {
    let ws = ws.get("workspace").and_then(toml::Value::as_table);
    let ws_package = ws
        .and_then(|w| w.get("package"))
        .and_then(toml::Value::as_table);
    let ws_deps = ws
        .and_then(|w| w.get("dependencies"))
        .and_then(toml::Value::as_table);
    if let Some(package) = m.get_mut("package").and_then(toml::Value::as_table_mut) {
        for (key, value) in package.iter_mut() {
            if inherited(value)
                && let Some(v) = ws_package.and_then(|p| p.get(key))
            {
                *value = v.clone();
            }
        }
    }
    m.remove("lints");
    // Features that enable a dropped dependency are emptied, and the
    // optional dependencies only they enabled go too.
    let mut gone: Vec<String> = drop.iter().map(|d| (*d).to_string()).collect();
    if let Some(features) = m.get_mut("features").and_then(toml::Value::as_table_mut) {
        let mut emptied = Vec::new();
        for (name, list) in features.iter_mut() {
            let Some(items) = list.as_array() else {
                continue;
            };
            if items
                .iter()
                .filter_map(toml::Value::as_str)
                .any(|i| drop.iter().any(|d| i == format!("dep:{d}")))
            {
                gone.extend(
                    items
                        .iter()
                        .filter_map(toml::Value::as_str)
                        .filter_map(|i| i.strip_prefix("dep:"))
                        .map(str::to_string),
                );
                *list = toml::Value::Array(Vec::new());
                emptied.push(name.clone());
            }
        }
        for (_, list) in features.iter_mut() {
            if let Some(items) = list.as_array_mut() {
                items.retain(|i| i.as_str().is_none_or(|i| !emptied.iter().any(|e| e == i)));
            }
        }
    }
    for section in ["dependencies", "dev-dependencies", "build-dependencies"] {
        let Some(deps) = m.get_mut(section).and_then(toml::Value::as_table_mut) else {
            continue;
        };
        if section == "dependencies" {
            deps.retain(|name, _| !gone.iter().any(|g| g == name));
        } else {
            deps.retain(|name, _| !drop.contains(&name));
        }
        for (name, value) in deps.iter_mut() {
            if !inherited(value) {
                continue;
            }
            let mut spec = match ws_deps.and_then(|d| d.get(name)) {
                Some(toml::Value::String(version)) => {
                    let mut t = toml::Table::new();
                    t.insert("version".into(), toml::Value::String(version.clone()));
                    t
                }
                Some(toml::Value::Table(t)) => t.clone(),
                _ => continue,
            };
            if let Some(extra) = value.as_table() {
                for (k, x) in extra {
                    match (k.as_str(), spec.get_mut(k)) {
                        ("workspace", _) => {}
                        ("features", Some(toml::Value::Array(mine))) => {
                            mine.extend(x.as_array().cloned().unwrap_or_default());
                        }
                        _ => {
                            spec.insert(k.clone(), x.clone());
                        }
                    }
                }
            }
            *value = toml::Value::Table(spec);
        }
    }
    m
}

/// The SDK and the test harness this binary was built with, written to
/// `<estive home>/sdk/<crate>-<version>/` for a new crate to depend on by
/// path (with its version, for when it is published): a plugin builds and
/// tests on a machine with only `estive` and a Rust toolchain. Files that
/// are already there unchanged are left alone.
///
/// # Errors
/// The folder cannot be written, or an embedded manifest is malformed.
pub fn unpack_bundled() -> Result<Sdk> {
    let home = estive_home()?;
    let workspace: toml::Table = toml::from_str(bundled_text("workspace.toml")?)
        .context("the embedded workspace manifest")?;
    let mut dirs = Vec::new();
    for (name, drop) in [
        ("estive-sdk", &[][..]),
        ("estive-testing", &["estive-core"][..]),
    ] {
        let manifest: toml::Table = toml::from_str(bundled_text(&format!("{name}/Cargo.toml"))?)
            .with_context(|| format!("the embedded {name} manifest"))?;
        let standalone = standalone_manifest(manifest, &workspace, drop);
        let version = standalone
            .get("package")
            .and_then(|p| p.get("version"))
            .and_then(toml::Value::as_str)
            .with_context(|| format!("the embedded {name} has no version"))?
            .to_string();
        let dir = home.join("sdk").join(format!("{name}-{version}"));
        let text = format!(
            "# Unpacked by `estive plugin new` from the estive binary {}; do not edit.\n{}",
            env!("CARGO_PKG_VERSION"),
            toml::to_string(&standalone)?
        );
        write_if_changed(&dir.join("Cargo.toml"), text.as_bytes())?;
        let prefix = format!("{name}/");
        for (path, bytes) in crate::web::render::BUNDLED {
            if let Some(rel) = path.strip_prefix(&prefix)
                && rel != "Cargo.toml"
            {
                write_if_changed(&dir.join(rel), bytes)?;
            }
        }
        dirs.push(dir);
    }
    let testing = dirs.pop().expect("two crates");
    let sdk = dirs.pop().expect("two crates");
    Ok(Sdk::Bundled { sdk, testing })
}

/// Install the WebAssembly target with rustup when it is missing.
fn ensure_target() -> Result<()> {
    let Ok(out) = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
    else {
        // No rustup: the toolchain was installed another way; let cargo
        // say so if the target is missing.
        return Ok(());
    };
    if String::from_utf8_lossy(&out.stdout)
        .lines()
        .any(|l| l.trim() == TARGET)
    {
        return Ok(());
    }
    eprintln!("installing the {TARGET} target with rustup…");
    let status = Command::new("rustup")
        .args(["target", "add", TARGET])
        .status()
        .context("cannot run rustup")?;
    if !status.success() {
        bail!("`rustup target add {TARGET}` failed ({status})");
    }
    Ok(())
}

/// What cargo says about the crate in `dir`.
struct CrateInfo {
    name: String,
    target_dir: PathBuf,
    /// The workspace defines `[profile.plugin]` (this repository does).
    plugin_profile: bool,
}

fn crate_info(dir: &Path) -> Result<CrateInfo> {
    let out = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .current_dir(dir)
        .output()
        .context("cannot run cargo (is the Rust toolchain installed?)")?;
    if !out.status.success() {
        bail!(
            "cargo cannot read the crate in {}:\n{}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout)?;
    let manifest = dir
        .join("Cargo.toml")
        .canonicalize()
        .with_context(|| format!("{} has no Cargo.toml", dir.display()))?;
    let package = meta["packages"]
        .as_array()
        .and_then(|ps| {
            ps.iter().find(|p| {
                p["manifest_path"]
                    .as_str()
                    .is_some_and(|m| Path::new(m) == manifest)
            })
        })
        .with_context(|| format!("{} is not a package of its workspace", manifest.display()))?;
    let root = PathBuf::from(meta["workspace_root"].as_str().unwrap_or_default());
    let root_toml = std::fs::read_to_string(root.join("Cargo.toml")).unwrap_or_default();
    let root_toml: toml::Value = toml::from_str(&root_toml).unwrap_or(toml::Value::Integer(0));
    Ok(CrateInfo {
        name: package["name"].as_str().unwrap_or_default().to_owned(),
        target_dir: PathBuf::from(meta["target_directory"].as_str().unwrap_or_default()),
        plugin_profile: root_toml
            .get("profile")
            .and_then(|p| p.get("plugin"))
            .is_some(),
    })
}

/// Compile the plugin crate in `dir` and assemble its package under
/// `<target>/estive/<name>/`, checked as an install checks it.
///
/// # Errors
/// No `plugin.toml`, the build fails, or the package would be refused.
pub fn build(dir: &Path) -> Result<Built> {
    build_in(dir, None)
}

/// [`build`], with cargo's target folder set (none: the crate's own).
///
/// # Errors
/// As [`build`].
pub fn build_in(dir: &Path, target_dir: Option<&Path>) -> Result<Built> {
    let manifest_path = dir.join("plugin.toml");
    let manifest_text = std::fs::read_to_string(&manifest_path)
        .with_context(|| format!("{} has no plugin.toml", dir.display()))?;
    // The manifest first: a mistake there is cheaper to hear before a build.
    let manifest = crate::package::Manifest::parse(&manifest_text)
        .with_context(|| format!("{}", manifest_path.display()))?;
    manifest
        .validate()
        .with_context(|| format!("{}", manifest_path.display()))?;
    ensure_target()?;
    let mut info = crate_info(dir)?;
    if let Some(t) = target_dir {
        info.target_dir = t.to_path_buf();
    }
    let profile = if info.plugin_profile {
        "plugin"
    } else {
        "release"
    };
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["build", "--target", TARGET, "--profile", profile])
        .args(["-p", &info.name])
        .arg("--target-dir")
        .arg(&info.target_dir)
        .current_dir(dir)
        .status()
        .context("cannot run cargo")?;
    if !status.success() {
        bail!("building {} for {TARGET} failed ({status})", info.name);
    }
    let wasm_path = info
        .target_dir
        .join(TARGET)
        .join(profile)
        .join(format!("{}.wasm", info.name.replace('-', "_")));
    let wasm = std::fs::read(&wasm_path).with_context(|| {
        format!(
            "{} was not produced: is the crate a `cdylib` ([lib] crate-type = [\"cdylib\"])?",
            wasm_path.display()
        )
    })?;
    let out = info.target_dir.join("estive").join(&manifest.name);
    if out.exists() {
        std::fs::remove_dir_all(&out).with_context(|| format!("cannot empty {}", out.display()))?;
    }
    std::fs::create_dir_all(&out)?;
    std::fs::write(out.join("plugin.toml"), &manifest_text)?;
    std::fs::write(out.join("plugin.wasm"), &wasm)?;
    let mut files = std::collections::BTreeMap::new();
    for sub in ["templates", "locales", "static"] {
        crate::package::collect_dir(&dir.join(sub), sub, &mut files)?;
    }
    for (rel, bytes) in &files {
        let at = out.join(rel);
        if let Some(parent) = at.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&at, bytes).with_context(|| format!("cannot write {}", at.display()))?;
    }
    let package = Package::read(&out).context("the built package would be refused")?;
    Ok(Built { package, dir: out })
}

/// Zip a built package folder into `out` (default: beside the folder,
/// `<name>-<version>.zip`).
///
/// # Errors
/// A file cannot be read or written.
pub fn pack(built: &Built, out: Option<&Path>) -> Result<PathBuf> {
    pack_signed(built, out, None)
}

/// [`pack`], signed with the key file `key` when given (`signature.toml`
/// in the zip; see [`crate::package::signature`]).
///
/// # Errors
/// A file cannot be read or written, or the key file is not one.
pub fn pack_signed(built: &Built, out: Option<&Path>, key: Option<&Path>) -> Result<PathBuf> {
    let signature = key
        .map(|k| crate::package::signature::sign(&built.package, k))
        .transpose()?;
    let name = format!("{}-{}.zip", built.package.name(), built.package.version());
    let path = out.map_or_else(
        || built.dir.parent().unwrap_or(&built.dir).join(&name),
        Path::to_path_buf,
    );
    let file = std::fs::File::create(&path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let p = &built.package;
    let parts = [
        ("plugin.toml", p.manifest_text.as_bytes()),
        ("plugin.wasm", p.wasm.as_slice()),
    ];
    for (name, bytes) in parts
        .into_iter()
        .chain(p.files.iter().map(|(k, v)| (k.as_str(), v.as_slice())))
    {
        zip.start_file(name, options)?;
        zip.write_all(bytes)?;
    }
    if let Some(signature) = &signature {
        zip.start_file(crate::package::signature::FILE, options)?;
        zip.write_all(signature.to_text().as_bytes())?;
    }
    zip.finish()?;
    // What was written must install.
    let written = Package::read(&path).context("the zip would be refused")?;
    if let Some(signature) = &written.signature {
        signature.verify(&written)?;
    }
    Ok(path)
}

// The stable channel (at least the `rust-version` of Cargo.toml), with the
// WebAssembly target rustup installs when missing.
const RUST_TOOLCHAIN: &str = r#"[toolchain]
channel = "stable"
targets = ["wasm32-wasip2"]
components = ["clippy", "rustfmt"]
"#;

fn cargo_toml(name: &str, sdk_dep: &str, testing_dep: &str) -> String {
    let crate_name = format!("estive-plugin-{}", name.replace('_', "-"));
    // The same SDK with the `build` feature for build.rs.
    let build_dep = match sdk_dep.split_once(" = ") {
        Some((key, spec)) if spec.starts_with('{') => {
            format!(
                "{key} = {}, features = [\"build\"] }}",
                spec.trim_end_matches('}').trim_end()
            )
        }
        Some((key, version)) => {
            format!("{key} = {{ version = {version}, features = [\"build\"] }}")
        }
        None => sdk_dep.to_owned(),
    };
    format!(
        r#"[package]
name = "{crate_name}"
# The plugin's version is the one in plugin.toml; this one is not used.
version = "0.0.0"
edition = "2024"
rust-version = "1.95"
publish = false

[lib]
# cdylib: the component; rlib: unit tests of its functions, natively.
crate-type = ["cdylib", "rlib"]

[dependencies]
{sdk_dep}
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"

# build.rs turns the names of plugin.toml into constants (routes::LIST…).
[build-dependencies]
{build_dep}

# Tests run the plugin on a local site served by the `estive` binary (on
# PATH, or named in ESTIVE_BIN): no host is compiled.
[dev-dependencies]
{testing_dep}
tokio = {{ version = "1", features = ["macros", "rt-multi-thread"] }}
anyhow = "1"

# A crate of its own, outside any other workspace.
[workspace]

# `estive plugin build` builds with this profile: a small component.
[profile.release]
opt-level = "s"
lto = true
codegen-units = 1
strip = true
panic = "abort"
"#
    )
}

fn plugin_toml(name: &str, title: &str, path: &str) -> String {
    format!(
        r#"name = "{name}"
version = "0.1.0"
api = "^1.1"
title = {{ fr = "{title}", en = "{title}" }}
description = {{ fr = "Une liste tenue par les habitants.", en = "A list kept by the residents." }}
default-path = "{path}"

# The list, and its form (GET shows it, POST adds an entry).
[[routes]]
name = "list"
path = "/"
area = "portal"
methods = ["get", "post"]

[[tables]]
name = "entries"
columns = [
  {{ name = "title", type = "text", required = true }},
  {{ name = "created_at", type = "datetime" }},
]

[[navigation]]
title = {{ fr = "{title}", en = "{title}" }}
route = "list"
"#
    )
}

fn lib_rs(name: &str) -> String {
    format!(
        r#"//! The {name} plugin: a list the residents add to.

use estive_sdk::form::Form;
use estive_sdk::prelude::*;
use serde::{{Deserialize, Serialize}};

#[derive(Serialize, Deserialize)]
struct Entry {{
    id: Option<i64>,
    title: String,
    created_at: Option<String>,
}}

struct {ty};

// `routes::LIST`, `tables::ENTRIES`…: the names of plugin.toml as
// constants (build.rs), so that a misspelt one does not compile.
estive_sdk::manifest_names!();

impl Plugin for {ty} {{
    fn handle(req: Request) -> Result<Response, Error> {{
        match (req.route(), req.is_post()) {{
            (routes::LIST, false) => list(&req, None),
            (routes::LIST, true) => add(&req),
            _ => Err(Error::not_found(messages::NOT_FOUND)),
        }}
    }}
}}

/// The list and its form; with `invalid`, the form shown again with its
/// errors (status 422, their count in the title) and what was typed.
fn list(req: &Request, invalid: Option<Error>) -> Result<Response, Error> {{
    let entries = db::select(tables::ENTRIES)
        .order_desc(tables::entries::ID)
        .limit(100)
        .fetch::<Entry>()?;
    let mut form = Form::new("{name}").label("title", "entry-title");
    if let Some(invalid) = &invalid {{
        form = form.sent(req).errors(invalid);
    }}
    Ok(view("list.html")
        .title(i18n::t("{name}-title"))
        .set("entries", entries)
        .form(form)
        .into())
}}

fn add(req: &Request) -> Result<Response, Error> {{
    let mut form = req.validator();
    let title = form.text("title").required().max_len(200).value();
    if let Err(invalid) = form.finish() {{
        return list(req, Some(invalid));
    }}
    db::insert(
        tables::ENTRIES,
        &Entry {{
            id: None,
            title,
            created_at: Some(clock::now().utc),
        }},
    )?;
    Ok(redirect(req.url("/")).notice("{name}-added").into())
}}

register_plugin!({ty});
"#,
        ty = type_name(name),
    )
}

/// `my_plugin` → `MyPlugin`.
fn type_name(name: &str) -> String {
    name.split('_')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

const LIST_HTML: &str = r##"{% import "estive/forms.html" as f %}
{{ f.summary(form) }}
<form method="post" action="{{ base_path }}/" novalidate>
  <input type="hidden" name="csrf_token" value="{{ csrf_token }}">
  {{ f.required_note() }}
  {{ f.input(form, "title", t("entry-title"), required=true, maxlength=200) }}
  {{ f.actions(t("add")) }}
</form>
<ul class="entries">
  {% for e in entries %}<li>{{ e.title }}</li>{% else %}<li>{{ t("no-entries") }}</li>{% endfor %}
</ul>
"##;

/// The build script of a new crate: the names of plugin.toml as constants.
const BUILD_RS: &str = r#"//! The names of plugin.toml as constants (`routes::LIST`, `tables::ENTRIES`,
//! `tables::entries::TITLE`…), so that a misspelt one does not compile.

fn main() {
    if let Err(e) = estive_sdk::build::names() {
        panic!("{e}");
    }
}
"#;

/// The new crate's first test: its page and form on a local site served by
/// the `estive` binary, read and sent as a person would.
const TEST_RS: &str = r#"//! The list and its form, on a local site served by the `estive` binary
//! (`estive plugin dev`, with the rows of demo/): `cargo test`.

use estive_testing::BinaryHost;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resident_adds_an_entry_with_the_form() -> anyhow::Result<()> {
    let host = BinaryHost::start(env!("CARGO_MANIFEST_DIR")).await?;
    let visitor = host.client();
    let list = visitor.get(&host.path("/")).await?;
    assert_eq!(list.status, 200, "{}", list.text);
    assert!(list.shows("Marché des producteurs"), "the demo rows");

    // Sent empty: shown again, the error named in the summary.
    let again = list.form(&host.path("/"))?.submit(&visitor).await?;
    assert_eq!(again.status, 422, "{}", again.text);
    assert_eq!(again.error_summary()[0].1, "Titre : Ce champ est obligatoire.");
    assert!(again.title().starts_with("Erreur : 1 champ à corriger"));

    let mut form = again.form(&host.path("/"))?;
    form.set("title", "Vide-grenier, dimanche 3 mai")?;
    let done = form.submit(&visitor).await?;
    assert_eq!(done.status, 200, "{}", done.text);
    assert!(done.shows("Vide-grenier, dimanche 3 mai"));
    Ok(())
}
"#;

/// Rows `estive plugin dev` loads into the empty tables of its local site.
const DEMO_JSON: &str = r#"{
  "tables": [
    {
      "table": "entries",
      "rows": [
        { "title": "Fête du village, le 14 juillet", "created_at": "2026-06-01T09:00:00Z" },
        { "title": "Marché des producteurs, chaque samedi", "created_at": "2026-06-02T09:00:00Z" }
      ]
    }
  ]
}
"#;

fn locale(name: &str, title: &str, french: bool) -> String {
    if french {
        format!(
            "{name}-title = {title}\n{name}-added = Ajouté à la liste.\nentry-title = Titre\nadd = Ajouter\nno-entries = La liste est vide.\n"
        )
    } else {
        format!(
            "{name}-title = {title}\n{name}-added = Added to the list.\nentry-title = Title\nadd = Add\nno-entries = The list is empty.\n"
        )
    }
}

fn readme(name: &str, path: &str) -> String {
    format!(
        r#"# {name}

An Estive plugin: a list the residents add to, at `/{path}` on the portal.

- `plugin.toml` — the manifest: routes, the `entries` table, the menu entry.
  The plugin's version is the one here.
- `src/lib.rs` — the handler: the list, and the form that adds to it.
- `build.rs` — the names of `plugin.toml` as constants (`routes::LIST`,
  `tables::ENTRIES`): a misspelt one does not compile.
- `tests/list.rs` — the first test, on a local site served by the `estive`
  binary (`cargo test`; on PATH or in `ESTIVE_BIN`).
- `templates/list.html` — the page, with the host's form macros
  (`estive/forms.html`); `locales/fr.ftl`, `locales/en.ftl`.
- `demo/{name}.json` — rows for the local site of `estive plugin dev`.

Try it on a local site, rebuilt and reloaded as you edit (accounts admin,
elu, agent and citoyen, password `developpement`):

```
estive plugin dev
```

Build the package (the `wasm32-wasip2` target is installed when missing),
check it, zip it:

```
estive plugin build
estive plugin check target/estive/{name}
estive plugin pack
```

Install it on a server and enable it on a site:

```
estive plugin install target/estive/{name}-0.1.0.zip --site <site>
```

A new build of a version already installed is refused: raise `version` in
`plugin.toml` and run `estive plugin upgrade target/estive/{name}-<version>.zip`.
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_crate_has_a_valid_manifest_and_every_file() {
        let dir = tempfile::tempdir().unwrap();
        let at = dir.path().join("associations");
        let files = new_crate("associations", &at, &Sdk::Registry("0.3".into())).unwrap();
        assert_eq!(files.len(), 12);
        let manifest = crate::package::Manifest::parse(
            &std::fs::read_to_string(at.join("plugin.toml")).unwrap(),
        )
        .unwrap();
        manifest.validate().unwrap();
        assert_eq!(manifest.name, "associations");
        let cargo: toml::Value =
            toml::from_str(&std::fs::read_to_string(at.join("Cargo.toml")).unwrap()).unwrap();
        assert_eq!(cargo["dependencies"]["estive-sdk"].as_str(), Some("0.3"));
        assert_eq!(
            cargo["build-dependencies"]["estive-sdk"]["version"].as_str(),
            Some("0.3")
        );
        assert_eq!(
            cargo["build-dependencies"]["estive-sdk"]["features"][0].as_str(),
            Some("build")
        );
        assert!(cargo.get("workspace").is_some(), "a workspace of its own");
    }

    #[test]
    fn bundled_crates_stand_alone_without_the_host() {
        let workspace: toml::Table = toml::from_str(
            r#"
[workspace.package]
version = "0.1.0"
edition = "2024"
[workspace.dependencies]
estive-core = { path = "core" }
tokio = { version = "1", features = ["full"] }
sea-orm = "1"
anyhow = "1"
"#,
        )
        .unwrap();
        let member: toml::Table = toml::from_str(
            r#"
[package]
name = "estive-testing"
version.workspace = true
edition.workspace = true
[lints]
workspace = true
[features]
default = ["embedded"]
embedded = ["dep:estive-core", "dep:sea-orm"]
[dependencies]
estive-core = { workspace = true, optional = true }
sea-orm = { workspace = true, optional = true }
tokio = { workspace = true, features = ["macros"] }
anyhow.workspace = true
"#,
        )
        .unwrap();
        let out = standalone_manifest(member, &workspace, &["estive-core"]);
        assert_eq!(out["package"]["version"].as_str(), Some("0.1.0"));
        assert_eq!(out["package"]["edition"].as_str(), Some("2024"));
        assert!(out.get("lints").is_none());
        let deps = out["dependencies"].as_table().unwrap();
        assert!(!deps.contains_key("estive-core") && !deps.contains_key("sea-orm"));
        assert_eq!(deps["anyhow"]["version"].as_str(), Some("1"));
        let features: Vec<&str> = deps["tokio"]["features"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(toml::Value::as_str)
            .collect();
        assert_eq!(features, ["full", "macros"]);
        assert_eq!(out["features"]["default"].as_array().unwrap().len(), 0);
        assert_eq!(out["features"]["embedded"].as_array().unwrap().len(), 0);
    }

    #[test]
    fn a_bad_name_or_a_full_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let sdk = Sdk::Registry("0.3".into());
        for bad in ["Assoc", "2assoc", "a-b", "", "a b"] {
            assert!(
                new_crate(bad, &dir.path().join("x"), &sdk).is_err(),
                "{bad}"
            );
        }
        std::fs::write(dir.path().join("keep.txt"), "mine").unwrap();
        let e = new_crate("assoc", dir.path(), &sdk)
            .unwrap_err()
            .to_string();
        assert!(e.contains("is not empty"), "{e}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("keep.txt")).unwrap(),
            "mine"
        );
    }
}
