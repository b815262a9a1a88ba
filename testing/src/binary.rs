//! A host run from the `estive` binary, for a plugin's tests outside this
//! repository: with `default-features = false` the crate compiles no host,
//! so an author's first test builds in a few minutes instead of compiling
//! the whole server.
//!
//! ```no_run
//! # async fn demo() -> anyhow::Result<()> {
//! use estive_testing::BinaryHost;
//! let host = BinaryHost::start(env!("CARGO_MANIFEST_DIR")).await?;
//! let page = host.client().get(&host.path("/")).await?;
//! assert_eq!(page.status, 200);
//! # Ok(()) }
//! ```
//!
//! It runs `estive plugin dev <crate> --data <a fresh folder>`: the plugin
//! built and installed on a new local site (slug `dev`) with the accounts
//! `admin`, `elu`, `agent` and `citoyen` (password [`PASSWORD`]), the
//! capabilities the manifest declares granted, and the crate's demo rows
//! (`demo/<name>.json`) loaded.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, bail};

use crate::{Client, PASSWORD};

/// How long the first build may take before the start is given up.
const START_TIMEOUT: Duration = Duration::from_secs(900);

/// A local site served by the `estive` binary with one plugin crate; see
/// the [module documentation](self). Stopped when dropped.
pub struct BinaryHost {
    child: Child,
    base: String,
    mount: String,
    data: tempfile::TempDir,
    log: PathBuf,
    bin: PathBuf,
}

/// The `estive` binary: `ESTIVE_BIN`, else the first `estive` on `PATH`.
fn estive_bin() -> Result<PathBuf> {
    if let Some(bin) = std::env::var_os("ESTIVE_BIN") {
        return Ok(PathBuf::from(bin));
    }
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|dir| dir.join("estive"))
        .find(|p| p.is_file())
        .context("the `estive` binary was not found: put it on PATH or name it in ESTIVE_BIN")
}

impl BinaryHost {
    /// Build the plugin crate at `dir` and serve it on a fresh local site
    /// on a free port of 127.0.0.1; returns once its page answers.
    ///
    /// # Errors
    /// No `estive` binary, the build fails, or the server does not start
    /// (with what it printed).
    pub async fn start(dir: impl AsRef<Path>) -> Result<BinaryHost> {
        let dir = dir.as_ref().canonicalize()?;
        let bin = estive_bin()?;
        let data = tempfile::tempdir()?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let log = data.path().join("estive.log");
        let out = std::fs::File::create(&log)?;
        let child = Command::new(&bin)
            .args(["plugin", "dev"])
            .arg(&dir)
            .args(["--addr", &format!("127.0.0.1:{port}")])
            .arg("--data")
            .arg(data.path().join("site"))
            .env("ESTIVE_DEMO_PASSWORD", PASSWORD)
            .env_remove("DATABASE_URL")
            .env_remove("ESTIVE_DATA")
            .stdout(out.try_clone()?)
            .stderr(out)
            .stdin(Stdio::null())
            .spawn()
            .with_context(|| format!("cannot run {}", bin.display()))?;
        let mut host = BinaryHost {
            child,
            base: format!("http://127.0.0.1:{port}"),
            mount: String::new(),
            data,
            log,
            bin,
        };
        let started = Instant::now();
        loop {
            if let Some(status) = host.child.try_wait()? {
                bail!("estive plugin dev stopped ({status}):\n{}", host.output());
            }
            // `… on http://127.0.0.1:<port>/<mount>/` once it serves.
            if let Some(url) = host
                .output()
                .lines()
                .find_map(|l| l.split_once(" on http://").map(|(_, u)| u.to_string()))
            {
                let path = url.split_once('/').map_or("/", |(_, p)| p);
                host.mount = format!("/{}", path.trim_end_matches('/'));
                if host.client().get("/").await.is_ok() {
                    return Ok(host);
                }
            }
            if started.elapsed() > START_TIMEOUT {
                bail!(
                    "estive plugin dev did not serve within {} s:\n{}",
                    START_TIMEOUT.as_secs(),
                    host.output()
                );
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// A browser with no session.
    pub fn client(&self) -> Client {
        Client::new(&self.base)
    }

    /// A browser signed in as `username` (`admin`, `elu`, `agent`,
    /// `citoyen`).
    ///
    /// # Errors
    /// The sign-in is refused.
    pub async fn login(&self, username: &str) -> Result<Client> {
        let client = self.client();
        let page = client.login(username, PASSWORD).await?;
        if page.status != 200 || page.path == "/login" {
            bail!(
                "signing in as {username} failed ({}):\n{}",
                page.status,
                page.text
            );
        }
        Ok(client)
    }

    /// The path of `rest` under the plugin's portal mount:
    /// `path("/")` is `/<mount>/`.
    pub fn path(&self, rest: &str) -> String {
        format!("{}{rest}", self.mount)
    }

    /// What the server printed so far (the build, reloads, warnings).
    pub fn output(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// The messages mailed so far, oldest first, as `.eml` text.
    pub fn mails(&self) -> Vec<String> {
        let dir = self.data.path().join("site").join("mail");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        files
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect()
    }

    /// Run one of the plugin's scheduled tasks now on the site, as the
    /// scheduler would.
    ///
    /// # Errors
    /// The task fails, with what the command printed.
    pub fn run_schedule(&self, plugin: &str, task: &str) -> Result<()> {
        let out = Command::new(&self.bin)
            .args(["plugin", "run", plugin, task, "--site", "dev"])
            .env("ESTIVE_DATA", self.data.path().join("site"))
            .env_remove("DATABASE_URL")
            .output()?;
        if !out.status.success() {
            bail!(
                "{plugin} {task} failed:\n{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Ok(())
    }
}

impl Drop for BinaryHost {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
