//! Plugin packages: `plugin.toml`, `plugin.wasm`, `templates/`, `locales/`
//! and `static/`, read from a folder or a `.zip`, checked before anything is
//! stored.

pub mod check;
pub mod manifest;
pub mod settings;
pub mod signature;

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use std::path::Path;

use anyhow::{Context as _, Result, bail};
use semver::Version;
use sha2::{Digest, Sha256};

pub use manifest::Manifest;

/// The newest API version this host serves. Plugins stamped with a
/// compatible version (same major, minor not newer) are accepted, each
/// served through its own version's bindings (`runtime::wit::SERVED`).
pub const API_VERSION: Version = Version::new(1, 1, 0);

/// Name of the custom section the SDK writes into every component.
pub const API_SECTION: &str = "estive:api-version";

/// Largest accepted package parts.
const MAX_WASM: usize = 32 << 20;
const MAX_FILES: usize = 16 << 20;

/// A package as installed: everything the host needs to run and render it.
#[derive(Debug, Clone)]
pub struct Package {
    pub manifest: Manifest,
    pub manifest_text: String,
    pub wasm: Vec<u8>,
    /// Templates, locales and static files by path (`templates/poll.html`).
    pub files: BTreeMap<String, Vec<u8>>,
    /// The API version stamped in the component.
    pub api_version: Version,
    /// SHA-256 of the component, hex.
    pub digest: String,
    /// SHA-256 of the whole package (manifest, component, every file),
    /// hex: two packages with the same are the same package.
    pub contents: String,
    /// `signature.toml`, when the package was signed (not checked here:
    /// see [`signature::admit`] and [`signature::Signature::verify`]).
    pub signature: Option<signature::Signature>,
}

impl Package {
    /// Read a package from a folder or a `.zip` file.
    ///
    /// # Errors
    /// A missing or wrong part, named; see [`Package::from_parts`].
    pub fn read(path: &Path) -> Result<Package> {
        if path.is_dir() {
            let manifest = std::fs::read_to_string(path.join("plugin.toml"))
                .with_context(|| format!("{}: cannot read plugin.toml", path.display()))?;
            let wasm = std::fs::read(path.join("plugin.wasm"))
                .with_context(|| format!("{}: cannot read plugin.wasm", path.display()))?;
            let mut files = BTreeMap::new();
            for dir in ["templates", "locales", "static"] {
                collect_dir(&path.join(dir), dir, &mut files)?;
            }
            let signature = match std::fs::read_to_string(path.join(signature::FILE)) {
                Ok(text) => Some(signature::Signature::parse(&text)?),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(e) => return Err(e).context("cannot read signature.toml"),
            };
            Ok(Package {
                signature,
                ..Package::from_parts(manifest, wasm, files)?
            })
        } else {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            Package::from_zip(&bytes).with_context(|| format!("{}", path.display()))
        }
    }

    /// Read a package from the bytes of a `.zip` (an upload).
    ///
    /// # Errors
    /// Not a zip, or a wrong part.
    pub fn from_zip(bytes: &[u8]) -> Result<Package> {
        let mut zip =
            zip::ZipArchive::new(Cursor::new(bytes)).context("not a valid zip archive")?;
        let mut manifest = None;
        let mut wasm = None;
        let mut signed = None;
        let mut files = BTreeMap::new();
        let mut total = 0usize;
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).context("corrupt zip entry")?;
            if entry.is_dir() {
                continue;
            }
            let Some(name) = entry.enclosed_name() else {
                bail!("zip entry `{}` has an unsafe path", entry.name());
            };
            let name = name.to_string_lossy().replace('\\', "/");
            // Accept both a flat zip and one with a single top folder.
            let name = match name.split_once('/') {
                Some((_, rest))
                    if !name.starts_with("templates/")
                        && !name.starts_with("locales/")
                        && !name.starts_with("static/") =>
                {
                    rest.to_string()
                }
                _ => name,
            };
            let mut buf = Vec::new();
            (&mut entry)
                .take((MAX_WASM + 1) as u64)
                .read_to_end(&mut buf)
                .with_context(|| format!("cannot read `{name}` from the zip"))?;
            total += buf.len();
            if total > MAX_WASM + MAX_FILES {
                bail!(
                    "package is larger than {} MiB",
                    (MAX_WASM + MAX_FILES) >> 20
                );
            }
            match name.as_str() {
                "plugin.toml" => {
                    manifest = Some(String::from_utf8(buf).context("plugin.toml is not UTF-8")?)
                }
                "plugin.wasm" => wasm = Some(buf),
                signature::FILE => {
                    let text = String::from_utf8(buf).context("signature.toml is not UTF-8")?;
                    signed = Some(signature::Signature::parse(&text)?);
                }
                n if n.starts_with("templates/")
                    || n.starts_with("locales/")
                    || n.starts_with("static/") =>
                {
                    files.insert(name, buf);
                }
                _ => {}
            }
        }
        Ok(Package {
            signature: signed,
            ..Package::from_parts(
                manifest.context("the package has no plugin.toml")?,
                wasm.context("the package has no plugin.wasm")?,
                files,
            )?
        })
    }

    /// Check and assemble a package.
    ///
    /// # Errors
    /// An invalid manifest, a `.wasm` that is not a component or not stamped
    /// with a served API version, a manifest whose `api` range excludes the
    /// stamped version, or a locale catalogue that does not parse.
    pub fn from_parts(
        manifest_text: String,
        wasm: Vec<u8>,
        files: BTreeMap<String, Vec<u8>>,
    ) -> Result<Package> {
        let manifest = Manifest::parse(&manifest_text)?;
        if wasm.len() > MAX_WASM {
            bail!("plugin.wasm is larger than {} MiB", MAX_WASM >> 20);
        }
        let api_version = inspect_component(&wasm)?;
        if !manifest.api.matches(&api_version) {
            bail!(
                "plugin.toml asks for estive:plugin {} but plugin.wasm was built against {api_version}",
                manifest.api
            );
        }
        if files.values().map(Vec::len).sum::<usize>() > MAX_FILES {
            bail!(
                "templates, locales and static files exceed {} MiB",
                MAX_FILES >> 20
            );
        }
        for (path, bytes) in &files {
            if path.starts_with("locales/") && path.ends_with(".ftl") {
                let text =
                    std::str::from_utf8(bytes).with_context(|| format!("{path} is not UTF-8"))?;
                if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(text.to_string()) {
                    bail!(
                        "{path}: {} syntax error(s), first: {:?}",
                        errors.len(),
                        errors[0]
                    );
                }
            }
            if path.starts_with("templates/") {
                std::str::from_utf8(bytes).with_context(|| format!("{path} is not UTF-8"))?;
            }
        }
        let digest = hex::encode(Sha256::digest(&wasm));
        let contents = contents_digest(&manifest_text, &wasm, &files);
        Ok(Package {
            manifest,
            manifest_text,
            wasm,
            files,
            api_version,
            digest,
            contents,
            signature: None,
        })
    }

    pub fn name(&self) -> &str {
        &self.manifest.name
    }

    /// What differs from `other`, an earlier build of the same package:
    /// `plugin.toml`, `plugin.wasm`, and the files added, changed or
    /// removed.
    pub fn differences(&self, other: &Package) -> Vec<String> {
        let mut out = Vec::new();
        if self.manifest_text != other.manifest_text {
            out.push("plugin.toml".to_string());
        }
        if self.digest != other.digest {
            out.push("plugin.wasm".to_string());
        }
        for (path, bytes) in &self.files {
            if other.files.get(path) != Some(bytes) {
                out.push(path.clone());
            }
        }
        for path in other.files.keys() {
            if !self.files.contains_key(path) {
                out.push(format!("{path} (removed)"));
            }
        }
        out
    }

    pub fn version(&self) -> &Version {
        &self.manifest.version
    }

    /// Templates by name relative to `templates/`.
    pub fn templates(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files.iter().filter_map(|(path, bytes)| {
            let name = path.strip_prefix("templates/")?;
            Some((name, std::str::from_utf8(bytes).ok()?))
        })
    }

    /// The Fluent catalogue for a language, if the package has one.
    pub fn catalogue(&self, lang: &str) -> Option<&str> {
        let bytes = self.files.get(&format!("locales/{lang}.ftl"))?;
        std::str::from_utf8(bytes).ok()
    }

    /// A static file by path relative to `static/`.
    pub fn static_file(&self, path: &str) -> Option<&[u8]> {
        self.files.get(&format!("static/{path}")).map(Vec::as_slice)
    }

    /// Templates, locales and static files as one zip, for the database.
    pub fn files_zip(&self) -> Result<Vec<u8>> {
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (path, bytes) in &self.files {
            out.start_file(path.as_str(), options)?;
            out.write_all(bytes)?;
        }
        Ok(out.finish()?.into_inner())
    }

    /// Rebuild a package stored in the database.
    ///
    /// # Errors
    /// Stored data that no longer passes the checks.
    pub fn from_stored(manifest_text: String, wasm: Vec<u8>, files_zip: &[u8]) -> Result<Package> {
        let mut files = BTreeMap::new();
        if !files_zip.is_empty() {
            let mut zip = zip::ZipArchive::new(Cursor::new(files_zip))?;
            for i in 0..zip.len() {
                let mut entry = zip.by_index(i)?;
                let mut buf = Vec::new();
                entry.read_to_end(&mut buf)?;
                files.insert(entry.name().to_string(), buf);
            }
        }
        Package::from_parts(manifest_text, wasm, files)
    }
}

/// SHA-256 over every part of a package, each preceded by its length (and
/// a file by its path), so that no two packages share it by moving bytes
/// from one part to the next.
fn contents_digest(manifest: &str, wasm: &[u8], files: &BTreeMap<String, Vec<u8>>) -> String {
    let mut h = Sha256::new();
    let mut part = |bytes: &[u8]| {
        h.update((bytes.len() as u64).to_be_bytes());
        h.update(bytes);
    };
    part(b"estive-package-1");
    part(manifest.as_bytes());
    part(wasm);
    for (path, bytes) in files {
        part(path.as_bytes());
        part(bytes);
    }
    hex::encode(h.finalize())
}

/// Read the files under `dir` (links followed, dot files skipped) into
/// `out`, keyed `<prefix>/<path>`; nothing when `dir` does not exist. How a
/// package folder, a plugin crate and the harness read templates, locales
/// and static files.
///
/// # Errors
/// A file or folder cannot be read.
pub fn collect_dir(dir: &Path, prefix: &str, out: &mut BTreeMap<String, Vec<u8>>) -> Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let key = format!("{prefix}/{name}");
        if path.is_dir() {
            collect_dir(&path, &key, out)?;
        } else {
            out.insert(
                key,
                std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?,
            );
        }
    }
    Ok(())
}

/// Check that `wasm` is a component stamped by the SDK with an API version
/// this host serves, and return that version. Runs before any compilation.
///
/// # Errors
/// Not WebAssembly, a core module, no stamp, or an API version not served.
pub fn inspect_component(wasm: &[u8]) -> Result<Version> {
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
        bail!("plugin.wasm is not WebAssembly (no `\\0asm` header)");
    }
    if !wasmparser::Parser::is_component(wasm) {
        bail!(
            "plugin.wasm is a core WebAssembly module, not a component: build it with `cargo build --target wasm32-wasip2`"
        );
    }
    let mut stamp = None;
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        let payload = payload.context("plugin.wasm is not a valid component")?;
        if let wasmparser::Payload::CustomSection(section) = payload
            && section.name() == API_SECTION
        {
            stamp = Some(section.data().to_vec());
        }
    }
    let stamp = stamp.with_context(|| {
        format!(
            "plugin.wasm has no `{API_SECTION}` stamp: build it with estive-sdk's register_plugin!"
        )
    })?;
    let text = String::from_utf8(stamp).context("the API version stamp is not UTF-8")?;
    let version = Version::parse(text.trim())
        .with_context(|| format!("the API version stamp `{text}` is not semver"))?;
    if !api_served(&version) {
        bail!(
            "plugin.wasm was built for estive:plugin@{version}; this server serves estive:plugin 1.0 up to {}.{}",
            API_VERSION.major,
            API_VERSION.minor
        );
    }
    Ok(version)
}

/// Whether the host can run a plugin built for `version`.
pub fn api_served(version: &Version) -> bool {
    // Compared as (major, minor) pairs: with minor 0 today, a plain
    // `minor <= 0` reads as an absurd comparison.
    version.major == API_VERSION.major
        && (version.major, version.minor) <= (API_VERSION.major, API_VERSION.minor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_not_webassembly() {
        let e = inspect_component(b"hello world, not wasm").unwrap_err();
        assert!(e.to_string().contains("not WebAssembly"), "{e}");
    }

    #[test]
    fn core_module_is_not_a_component() {
        // The smallest valid core module: magic + version 1.
        let e = inspect_component(b"\0asm\x01\0\0\0").unwrap_err();
        assert!(e.to_string().contains("core WebAssembly module"), "{e}");
    }

    #[test]
    fn unstamped_component_is_refused() {
        // The smallest component: magic + component layer version.
        let e = inspect_component(b"\0asm\x0d\0\x01\0").unwrap_err();
        assert!(
            e.to_string().contains("no `estive:api-version` stamp"),
            "{e}"
        );
    }

    #[test]
    fn future_major_is_not_served() {
        assert!(api_served(&Version::new(1, 0, 3)));
        assert!(!api_served(&Version::new(2, 0, 0)));
        assert!(!api_served(&Version::new(1, 9, 0)));
    }
}
