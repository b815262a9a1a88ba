//! Signed packages: who built a package, and proof that it was not changed
//! since.
//!
//! An author makes a key pair once (`estive plugin keygen`), keeps the
//! secret half, and publishes the public one; `estive plugin pack --sign
//! <key file>` adds `signature.toml` to the zip: the signer's name, the
//! public key, and an Ed25519 signature over the package's contents digest
//! (manifest, component and every file; see [`Package::contents`]). A
//! server trusts the keys its administrator lists in
//! `<data>/trusted-keys.toml` (`estive plugin trust`); `estive plugin
//! install` and `upgrade` refuse a package that is unsigned or signed by
//! another key unless told `--allow-unsigned`, and every install refuses a
//! signature that does not match its package, whoever made it.

use std::path::Path;

use anyhow::{Context as _, Result, bail};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use ed25519_dalek::{Signer as _, SigningKey, Verifier as _, VerifyingKey};
use serde::{Deserialize, Serialize};

use super::Package;

/// The file a signed package carries beside `plugin.toml`.
pub const FILE: &str = "signature.toml";

/// What is signed: this prefix, then the contents digest (hex).
const CONTEXT: &[u8] = b"estive-package-signature-1\n";

/// The prefix of a public key as people copy it.
const KEY_PREFIX: &str = "ed25519:";

/// `signature.toml`: who signed, with which key, and the signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// The signer's name as they gave it ("Communauté de communes…").
    pub signer: String,
    /// The public key, `ed25519:<base64>`.
    pub key: String,
    /// The Ed25519 signature, base64.
    pub signature: String,
}

/// A secret key file (`estive plugin keygen`).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFile {
    signer: String,
    /// The 32-byte seed, base64. Keep this file private.
    secret: String,
    public: String,
}

/// `<data>/trusted-keys.toml`: the keys this server installs packages of.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrustedKeys {
    #[serde(default)]
    pub keys: Vec<TrustedKey>,
}

/// One trusted key, with the name the administrator knows it by.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrustedKey {
    pub name: String,
    pub key: String,
}

fn public_text(key: &VerifyingKey) -> String {
    format!("{KEY_PREFIX}{}", B64.encode(key.as_bytes()))
}

/// Read a public key as printed by `keygen` (`ed25519:<base64>`).
///
/// # Errors
/// Not a key of that form.
pub fn parse_public(text: &str) -> Result<VerifyingKey> {
    let b64 = text
        .trim()
        .strip_prefix(KEY_PREFIX)
        .with_context(|| format!("`{text}` is not a public key (ed25519:<base64>)"))?;
    let bytes: [u8; 32] = B64
        .decode(b64)
        .ok()
        .and_then(|b| b.try_into().ok())
        .with_context(|| format!("`{text}` is not a public key: 32 bytes in base64 expected"))?;
    VerifyingKey::from_bytes(&bytes).with_context(|| format!("`{text}` is not a valid Ed25519 key"))
}

/// A new key pair for `signer`: the text of the secret key file, and the
/// public key to publish.
pub fn keygen(signer: &str) -> Result<(String, String)> {
    let signer = signer.trim();
    if signer.is_empty() || signer.chars().count() > 200 || signer.chars().any(char::is_control) {
        bail!("the signer's name must be one line of 1 to 200 characters");
    }
    let seed: [u8; 32] = rand::random();
    let key = SigningKey::from_bytes(&seed);
    let public = public_text(&key.verifying_key());
    let file = KeyFile {
        signer: signer.to_string(),
        secret: B64.encode(seed),
        public: public.clone(),
    };
    let text = format!(
        "# An Estive signing key. Keep this file secret: whoever has it signs as you.\n{}",
        toml::to_string(&file)?
    );
    Ok((text, public))
}

/// Sign a package with the key file at `path`.
///
/// # Errors
/// The key file cannot be read or is not one.
pub fn sign(package: &Package, key_file: &Path) -> Result<Signature> {
    let text = std::fs::read_to_string(key_file)
        .with_context(|| format!("cannot read the key file {}", key_file.display()))?;
    let file: KeyFile = toml::from_str(&text)
        .with_context(|| format!("{} is not an Estive key file", key_file.display()))?;
    let seed: [u8; 32] = B64
        .decode(file.secret.trim())
        .ok()
        .and_then(|b| b.try_into().ok())
        .with_context(|| {
            format!(
                "{}: the secret is not 32 bytes in base64",
                key_file.display()
            )
        })?;
    let key = SigningKey::from_bytes(&seed);
    let signature = key.sign(&message(package));
    Ok(Signature {
        signer: file.signer,
        key: public_text(&key.verifying_key()),
        signature: B64.encode(signature.to_bytes()),
    })
}

fn message(package: &Package) -> Vec<u8> {
    let mut m = CONTEXT.to_vec();
    m.extend_from_slice(package.contents.as_bytes());
    m
}

impl Signature {
    /// Read `signature.toml`.
    ///
    /// # Errors
    /// Not the file's format.
    pub fn parse(text: &str) -> Result<Signature> {
        let s: Signature = toml::from_str(text).context("signature.toml is malformed")?;
        if s.signer.chars().count() > 200 || s.signer.chars().any(char::is_control) {
            bail!("signature.toml: the signer's name must be one line of at most 200 characters");
        }
        Ok(s)
    }

    /// The text of `signature.toml`.
    pub fn to_text(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }

    /// Whether the signature is the key's over this package.
    ///
    /// # Errors
    /// It is not: the package was changed after signing, or the file is
    /// not a signature.
    pub fn verify(&self, package: &Package) -> Result<()> {
        let key = parse_public(&self.key)?;
        let bytes: [u8; 64] = B64
            .decode(self.signature.trim())
            .ok()
            .and_then(|b| b.try_into().ok())
            .context("signature.toml: the signature is not 64 bytes in base64")?;
        key.verify(&message(package), &ed25519_dalek::Signature::from_bytes(&bytes))
            .map_err(|_| {
                anyhow::anyhow!(
                    "the signature of {} {} does not match its contents: the package was changed after {} signed it",
                    package.name(),
                    package.version(),
                    self.signer
                )
            })
    }
}

impl TrustedKeys {
    /// The file's place in a server's data folder.
    pub fn path(data_dir: &Path) -> std::path::PathBuf {
        data_dir.join("trusted-keys.toml")
    }

    /// Read the server's trusted keys (none when the file is absent).
    ///
    /// # Errors
    /// The file exists but is malformed, or lists a malformed key.
    pub fn read(data_dir: &Path) -> Result<TrustedKeys> {
        let path = Self::path(data_dir);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(TrustedKeys::default()),
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
        };
        let keys: TrustedKeys =
            toml::from_str(&text).with_context(|| format!("{} is malformed", path.display()))?;
        for k in &keys.keys {
            parse_public(&k.key).with_context(|| format!("{}", path.display()))?;
        }
        Ok(keys)
    }

    /// Add a key (or rename it when already listed) and write the file.
    ///
    /// # Errors
    /// A malformed key, or the file cannot be written.
    pub fn add(data_dir: &Path, name: &str, key: &str) -> Result<()> {
        let key = public_text(&parse_public(key)?);
        let mut keys = Self::read(data_dir)?;
        keys.keys.retain(|k| k.key != key);
        keys.keys.push(TrustedKey {
            name: name.trim().to_string(),
            key,
        });
        std::fs::create_dir_all(data_dir)?;
        let text = format!(
            "# Keys whose signed plugin packages this server installs (`estive plugin trust`).\n{}",
            toml::to_string(&keys)?
        );
        std::fs::write(Self::path(data_dir), text)
            .with_context(|| format!("cannot write {}", Self::path(data_dir).display()))
    }

    /// The trusted key a signature was made with, if any.
    pub fn find(&self, signature: &Signature) -> Option<&TrustedKey> {
        let key = parse_public(&signature.key).ok()?;
        self.keys
            .iter()
            .find(|k| parse_public(&k.key).is_ok_and(|t| t == key))
    }
}

/// Whether a server may install `package`: a signature, if any, must match
/// (always); then it must be made with a trusted key, unless unsigned
/// packages are allowed. Returns who signed, as the server knows them.
///
/// # Errors
/// Refused, saying why and what to do.
pub fn admit(
    package: &Package,
    trusted: &TrustedKeys,
    allow_unsigned: bool,
) -> Result<Option<String>> {
    let what = format!("{} {}", package.name(), package.version());
    let Some(signature) = &package.signature else {
        if allow_unsigned {
            return Ok(None);
        }
        bail!(
            "{what} is not signed: ask its author for a signed package (`estive plugin pack --sign`), or install it with --allow-unsigned if you trust where it comes from"
        );
    };
    signature.verify(package)?;
    match trusted.find(signature) {
        Some(k) => Ok(Some(k.name.clone())),
        None if allow_unsigned => Ok(Some(signature.signer.clone())),
        None => bail!(
            "{what} is signed by “{}” with the key {}, which this server does not trust: if that key is theirs, `estive plugin trust {} --name \"{}\"`, or install with --allow-unsigned",
            signature.signer,
            signature.key,
            signature.key,
            signature.signer
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frozen() -> Package {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/frozen/api-1.0");
        Package::read(&dir).expect("the frozen 1.0 component reads")
    }

    fn key(dir: &Path, signer: &str) -> (std::path::PathBuf, String) {
        let (secret, public) = keygen(signer).unwrap();
        let path = dir.join(format!("{}.key", public.len()));
        std::fs::write(&path, secret).unwrap();
        (path, public)
    }

    #[test]
    fn a_signature_verifies_and_any_change_breaks_it() {
        let dir = tempfile::tempdir().unwrap();
        let (path, public) = key(dir.path(), "Communauté de communes du Haut-Val");
        let package = frozen();
        let sig = sign(&package, &path).unwrap();
        assert_eq!(sig.key, public);
        assert_eq!(sig.signer, "Communauté de communes du Haut-Val");
        sig.verify(&package).unwrap();
        // Read back from its file.
        Signature::parse(&sig.to_text())
            .unwrap()
            .verify(&package)
            .unwrap();

        // A template, the manifest, the component: each breaks it.
        let mut files = package.files.clone();
        files.insert("templates/extra.html".into(), b"<p>x</p>".to_vec());
        let changed =
            Package::from_parts(package.manifest_text.clone(), package.wasm.clone(), files)
                .unwrap();
        let e = sig.verify(&changed).unwrap_err().to_string();
        assert!(e.contains("changed after"), "{e}");
        let manifest = package
            .manifest_text
            .replace("1.0.0\"", "1.0.0\"\n# edited");
        let edited = Package::from_parts(manifest, package.wasm.clone(), package.files.clone());
        if let Ok(edited) = edited {
            assert!(sig.verify(&edited).is_err());
        }

        // Another key's signature does not pass for this one.
        let (other, _) = key(dir.path(), "Quelqu'un d'autre");
        let forged = Signature {
            key: sig.key.clone(),
            ..sign(&package, &other).unwrap()
        };
        assert!(forged.verify(&package).is_err());
    }

    #[test]
    fn admission_needs_a_trusted_key_unless_unsigned_is_allowed() {
        let dir = tempfile::tempdir().unwrap();
        let (path, public) = key(dir.path(), "Éditeur");
        let unsigned = frozen();
        let signed = Package {
            signature: Some(sign(&unsigned, &path).unwrap()),
            ..frozen()
        };
        let none = TrustedKeys::default();
        let e = admit(&unsigned, &none, false).unwrap_err().to_string();
        assert!(
            e.contains("is not signed") && e.contains("--allow-unsigned"),
            "{e}"
        );
        assert_eq!(admit(&unsigned, &none, true).unwrap(), None);
        let e = admit(&signed, &none, false).unwrap_err().to_string();
        assert!(e.contains("does not trust") && e.contains(&public), "{e}");

        TrustedKeys::add(dir.path(), "Éditeur de confiance", &public).unwrap();
        let trusted = TrustedKeys::read(dir.path()).unwrap();
        assert_eq!(
            admit(&signed, &trusted, false).unwrap().as_deref(),
            Some("Éditeur de confiance")
        );
        // Adding it again renames, never duplicates.
        TrustedKeys::add(dir.path(), "Éditeur", &public).unwrap();
        assert_eq!(TrustedKeys::read(dir.path()).unwrap().keys.len(), 1);

        // A signature that does not match is refused even when unsigned
        // packages are allowed.
        let mut files = unsigned.files.clone();
        files.insert("templates/x.html".into(), b"x".to_vec());
        let tampered = Package {
            signature: signed.signature.clone(),
            ..Package::from_parts(unsigned.manifest_text.clone(), unsigned.wasm.clone(), files)
                .unwrap()
        };
        assert!(admit(&tampered, &trusted, true).is_err());
    }

    #[test]
    fn malformed_keys_and_names_are_refused() {
        assert!(parse_public("ed25519:abc").is_err());
        assert!(parse_public("ssh-ed25519 AAAA").is_err());
        assert!(keygen("").is_err());
        assert!(keygen("deux\nlignes").is_err());
        let dir = tempfile::tempdir().unwrap();
        assert!(TrustedKeys::add(dir.path(), "x", "ed25519:nope").is_err());
    }
}
