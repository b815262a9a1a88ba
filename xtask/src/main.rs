//! `cargo xtask <task>`: build the plugins, run the demo, the tests and the
//! benchmarks.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, Result, bail};

const TARGET: &str = "wasm32-wasip2";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

fn cargo() -> Command {
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.current_dir(root());
    c
}

fn run(mut c: Command) -> Result<()> {
    let shown = format!("{c:?}");
    let status = c.status().with_context(|| format!("cannot run {shown}"))?;
    if !status.success() {
        bail!("{shown} failed ({status})");
    }
    Ok(())
}

/// Install the WebAssembly target with rustup when it is missing.
fn ensure_target() -> Result<()> {
    let out = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output();
    match out {
        Ok(o)
            if String::from_utf8_lossy(&o.stdout)
                .lines()
                .any(|l| l.trim() == TARGET) =>
        {
            Ok(())
        }
        Ok(_) => {
            eprintln!("xtask: installing the {TARGET} target with rustup");
            let mut c = Command::new("rustup");
            c.args(["target", "add", TARGET]);
            run(c)
        }
        Err(_) => {
            eprintln!("xtask: rustup not found; assuming the {TARGET} target is installed");
            Ok(())
        }
    }
}

/// Crates with a `plugin.toml` under a folder.
fn plugin_crates(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    for e in std::fs::read_dir(dir)? {
        let path = e?.path();
        if path.join("plugin.toml").is_file() && path.join("Cargo.toml").is_file() {
            let toml = std::fs::read_to_string(path.join("Cargo.toml"))?;
            let name = toml
                .lines()
                .find_map(|l| {
                    l.trim()
                        .strip_prefix("name = ")
                        .map(|v| v.trim_matches('"').to_string())
                })
                .with_context(|| format!("{}: no package name", path.display()))?;
            out.push((name, path));
        }
    }
    out.sort();
    Ok(out)
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    if !from.is_dir() {
        return Ok(());
    }
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        let dest = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &dest)?;
        } else {
            std::fs::copy(e.path(), dest)?;
        }
    }
    Ok(())
}

/// Build every plugin (and the test fixtures) into components and assemble
/// the plugin packages under `target/plugins/<name>/`.
fn build_plugins() -> Result<Vec<PathBuf>> {
    ensure_target()?;
    let root = root();
    let plugins = plugin_crates(&root.join("plugins"))?;
    let fixtures = plugin_crates(&root.join("tests/fixtures"))?;
    let mut c = cargo();
    c.args(["build", "--target", TARGET, "--profile", "plugin"]);
    for (name, _) in plugins.iter().chain(&fixtures) {
        c.args(["-p", name]);
    }
    run(c)?;
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    let out_dir = target.join("plugins");
    let mut packages = Vec::new();
    for (crate_name, dir) in &plugins {
        let manifest = std::fs::read_to_string(dir.join("plugin.toml"))?;
        let name = manifest
            .lines()
            .find_map(|l| {
                l.trim()
                    .strip_prefix("name = ")
                    .map(|v| v.trim_matches('"').to_string())
            })
            .with_context(|| format!("{}: plugin.toml has no name", dir.display()))?;
        let pkg = out_dir.join(&name);
        if pkg.exists() {
            std::fs::remove_dir_all(&pkg)?;
        }
        std::fs::create_dir_all(&pkg)?;
        std::fs::copy(dir.join("plugin.toml"), pkg.join("plugin.toml"))?;
        let wasm = target
            .join(TARGET)
            .join("plugin")
            .join(format!("{}.wasm", crate_name.replace('-', "_")));
        std::fs::copy(&wasm, pkg.join("plugin.wasm"))
            .with_context(|| format!("{} was not built", wasm.display()))?;
        for sub in ["templates", "locales", "static"] {
            copy_dir(&dir.join(sub), &pkg.join(sub))?;
        }
        let size = std::fs::metadata(pkg.join("plugin.wasm"))?.len();
        eprintln!(
            "xtask: package {name}: {} KiB → {}",
            size / 1024,
            pkg.display()
        );
        packages.push(pkg);
    }
    Ok(packages)
}

fn has_nextest() -> bool {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["nextest", "--version"])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn test(extra: &[String]) -> Result<()> {
    build_plugins()?;
    // Doctests first (nextest does not run them); the runner's summary last.
    let mut doc = cargo();
    doc.args(["test", "--workspace", "--doc", "--exclude", "xtask"]);
    run(doc)?;
    let mut c = cargo();
    if has_nextest() {
        c.args([
            "nextest",
            "run",
            "--workspace",
            "--exclude",
            "xtask",
            "--no-fail-fast",
        ]);
    } else {
        c.args([
            "test",
            "--workspace",
            "--exclude",
            "xtask",
            "--no-fail-fast",
        ]);
    }
    c.args(extra);
    run(c)
}

fn demo(extra: &[String]) -> Result<()> {
    build_plugins()?;
    let mut c = cargo();
    c.args([
        "run",
        "--release",
        "-p",
        "estive-core",
        "--bin",
        "estive",
        "--",
        "demo",
    ]);
    c.args(extra);
    if std::env::var_os("ESTIVE_DATA").is_none() {
        c.env("ESTIVE_DATA", root().join("data"));
    }
    // A development server: `<slug>.localhost` reaches each demo site.
    c.env("ESTIVE_DEV", "1");
    run(c)
}

fn bench(extra: &[String]) -> Result<()> {
    build_plugins()?;
    let mut c = cargo();
    c.args(["run", "--release", "-p", "estive-bench", "--"]);
    c.args(extra);
    run(c)
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (task, rest) = args
        .split_first()
        .map_or(("help", &[][..]), |(t, r)| (t.as_str(), r));
    match task {
        "build-plugins" => build_plugins().map(|_| ()),
        "test" => test(rest),
        "demo" => demo(rest),
        "bench" => bench(rest),
        _ => {
            eprintln!(
                "cargo xtask <task>\n\n  build-plugins  build every plugin for {TARGET} and assemble packages in target/plugins/\n  demo           build everything, set up the demo sites and serve http://127.0.0.1:8080\n  test           build the plugins and run the whole test suite\n  bench          run the benchmarks and print their ratios"
            );
            if task == "help" {
                Ok(())
            } else {
                bail!("unknown task `{task}`")
            }
        }
    }
}
