//! Where the feed comes from and how its files are read: zips or unpacked
//! folders in the directory the administrator granted (mounted read-only
//! at `/granted`), or zips fetched from a granted host and kept in the
//! `staged_chunks` table between the calls of an import.
//!
//! An import reads its sources file by file across several calls, so a
//! source is described by a serialisable [`Spec`] and reopened at each
//! call; an [`Archive`] gives the files by position. Every limit is
//! checked before a file is held in memory: a declared size over the
//! limit, or more bytes than declared, is refused without reading on.

use std::fs::File;
use std::io::{Cursor, Read, Seek};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::feed::{self, Problem};

/// Where a granted directory appears inside the sandbox.
pub const GRANTED: &str = "/granted";

/// Size of a stored piece of a fetched zip (the host's limit for one
/// `bytes` value is 8 MiB).
pub const CHUNK: usize = 4 << 20;

/// Most files one source may hold.
const MAX_ENTRIES: usize = 200_000;

/// One source of an import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Spec {
    /// A zip in the granted directory (`path` relative to it).
    Zip {
        /// Path inside the granted directory.
        path: String,
    },
    /// A folder of XML files in the granted directory.
    Folder {
        /// Path inside the granted directory (`.` for the directory itself).
        path: String,
    },
    /// A zip fetched from a URL, stored in `staged_chunks`.
    Url {
        /// The URL it came from.
        url: String,
        /// Its position among the import's sources (the key of its chunks).
        index: u32,
        /// How many chunks hold it.
        chunks: u32,
    },
}

impl Spec {
    /// A short name for the report: the path or the URL.
    pub fn label(&self) -> &str {
        match self {
            Spec::Zip { path } | Spec::Folder { path } => path,
            Spec::Url { url, .. } => url,
        }
    }
}

/// The sources to import from the granted directory at `root`: the names
/// listed in the settings (`wanted`), or else every zip at its top; with
/// no zip, every folder at its top that holds XML; with none, the
/// directory itself if it holds XML.
///
/// # Errors
///
/// `import-error-no-directory` when the directory cannot be read (not
/// granted), `import-error-missing-entry` for a listed name that is not
/// there, `import-error-no-source` when nothing fits.
pub fn discover(root: &Path, wanted: &[String]) -> Result<Vec<Spec>, Problem> {
    let entries = std::fs::read_dir(root)
        .map_err(|e| Problem::new("import-error-no-directory", e.to_string()))?;
    let mut names: Vec<(String, bool)> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_owned();
            let is_dir = e.file_type().ok()?.is_dir();
            (!name.starts_with('.')).then_some((name, is_dir))
        })
        .collect();
    names.sort();
    if !wanted.is_empty() {
        return wanted
            .iter()
            .map(|w| {
                let w = w.trim().trim_matches('/');
                if w.is_empty() || w.split('/').any(|part| part == "..") {
                    return Err(Problem::new("import-error-missing-entry", w));
                }
                let path = root.join(w);
                if path.is_dir() {
                    Ok(Spec::Folder { path: w.to_owned() })
                } else if path.is_file() {
                    Ok(Spec::Zip { path: w.to_owned() })
                } else {
                    Err(Problem::new("import-error-missing-entry", w))
                }
            })
            .collect();
    }
    let zips: Vec<Spec> = names
        .iter()
        .filter(|(n, dir)| !dir && n.to_lowercase().ends_with(".zip"))
        .map(|(n, _)| Spec::Zip { path: n.clone() })
        .collect();
    if !zips.is_empty() {
        return Ok(zips);
    }
    let folders: Vec<Spec> = names
        .iter()
        .filter(|(n, dir)| *dir && holds_xml(&root.join(n)))
        .map(|(n, _)| Spec::Folder { path: n.clone() })
        .collect();
    if !folders.is_empty() {
        return Ok(folders);
    }
    if holds_xml(root) {
        return Ok(vec![Spec::Folder { path: ".".into() }]);
    }
    Err(Problem::new(
        "import-error-no-source",
        root.display().to_string(),
    ))
}

fn holds_xml(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            e.file_name()
                .to_string_lossy()
                .to_lowercase()
                .ends_with(".xml")
        })
    })
}

/// One file read from a source.
#[derive(Debug)]
pub struct Entry {
    /// Its path inside the source.
    pub name: String,
    /// Its bytes, or why they could not be read (too large, corrupt).
    pub bytes: Result<Vec<u8>, Problem>,
}

/// The files of one source, by position.
pub enum Archive {
    /// A zip, from a file or from memory.
    Zip(Box<dyn ZipSource>),
    /// A folder's XML files, sorted by name.
    Folder {
        /// The folder.
        dir: PathBuf,
        /// The file names.
        files: Vec<String>,
    },
}

/// A zip reader over any seekable bytes.
pub trait ZipSource {
    /// Number of entries.
    fn len(&self) -> usize;
    /// Whether the zip has no entry.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The entry at `index`, at most `max` bytes; `None` for a folder
    /// entry.
    fn entry(&mut self, index: usize, max: u64) -> Option<Entry>;
    /// Number of XML entries.
    fn xml_count(&self) -> usize;
}

impl<R: Read + Seek> ZipSource for zip::ZipArchive<R> {
    fn len(&self) -> usize {
        zip::ZipArchive::len(self)
    }

    fn xml_count(&self) -> usize {
        self.file_names()
            .filter(|n| !matches!(feed::file_kind(n), feed::FileKind::NotXml))
            .count()
    }

    fn entry(&mut self, index: usize, max: u64) -> Option<Entry> {
        let mut file = match self.by_index(index) {
            Ok(f) => f,
            Err(e) => {
                return Some(Entry {
                    name: format!("#{}", index + 1),
                    bytes: Err(Problem::new("import-error-corrupt-entry", e.to_string())),
                });
            }
        };
        if file.is_dir() {
            return None;
        }
        let name = file.name().to_owned();
        if file.size() > max {
            let detail = format!("{} > {max}", file.size());
            return Some(Entry {
                name,
                bytes: Err(Problem::new("import-error-too-large", detail)),
            });
        }
        Some(Entry {
            bytes: read_capped(&mut file, max),
            name,
        })
    }
}

/// Reads at most `max` bytes; more is refused (a header may lie about a
/// size), a read fault (bad checksum, broken deflate) too.
fn read_capped(reader: &mut impl Read, max: u64) -> Result<Vec<u8>, Problem> {
    let mut bytes = Vec::new();
    reader
        .take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Problem::new("import-error-corrupt-entry", e.to_string()))?;
    if bytes.len() as u64 > max {
        return Err(Problem::new("import-error-too-large", format!("> {max}")));
    }
    Ok(bytes)
}

/// Opens a zip held in memory (a fetched one, from its chunks).
///
/// # Errors
///
/// `import-error-corrupt-zip` when it is not a readable zip.
pub fn open_zip_bytes(bytes: Vec<u8>) -> Result<Archive, Problem> {
    let zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| Problem::new("import-error-corrupt-zip", e.to_string()))?;
    check_entries(zip.len())?;
    Ok(Archive::Zip(Box::new(zip)))
}

fn check_entries(n: usize) -> Result<(), Problem> {
    if n > MAX_ENTRIES {
        return Err(Problem::new(
            "import-error-too-many-files",
            format!("{n} > {MAX_ENTRIES}"),
        ));
    }
    Ok(())
}

/// Opens a source of the granted directory at `root`.
///
/// # Errors
///
/// `import-error-no-directory` when the path cannot be opened,
/// `import-error-corrupt-zip` when a zip cannot be read.
pub fn open_local(root: &Path, spec: &Spec) -> Result<Archive, Problem> {
    match spec {
        Spec::Zip { path } => {
            let file = File::open(root.join(path))
                .map_err(|e| Problem::new("import-error-no-directory", format!("{path}: {e}")))?;
            let zip = zip::ZipArchive::new(file)
                .map_err(|e| Problem::new("import-error-corrupt-zip", format!("{path}: {e}")))?;
            check_entries(zip.len())?;
            Ok(Archive::Zip(Box::new(zip)))
        }
        Spec::Folder { path } => {
            let dir = root.join(path);
            let entries = std::fs::read_dir(&dir)
                .map_err(|e| Problem::new("import-error-no-directory", format!("{path}: {e}")))?;
            let mut files: Vec<String> = entries
                .flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .filter_map(|e| e.file_name().to_str().map(str::to_owned))
                .filter(|n| n.to_lowercase().ends_with(".xml"))
                .collect();
            files.sort();
            check_entries(files.len())?;
            Ok(Archive::Folder { dir, files })
        }
        Spec::Url { .. } => Err(Problem::new("import-error-no-source", spec.label())),
    }
}

impl Archive {
    /// Number of positions (a zip's folder entries included).
    pub fn len(&self) -> usize {
        match self {
            Archive::Zip(z) => z.len(),
            Archive::Folder { files, .. } => files.len(),
        }
    }

    /// Whether there is nothing to read.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The file at `index`, at most `max` bytes; `None` for positions that
    /// hold no file.
    pub fn entry(&mut self, index: usize, max: u64) -> Option<Entry> {
        match self {
            Archive::Zip(z) => z.entry(index, max),
            Archive::Folder { dir, files } => {
                let name = files.get(index)?.clone();
                let path = dir.join(&name);
                let bytes = match std::fs::metadata(&path) {
                    Ok(m) if m.len() > max => Err(Problem::new(
                        "import-error-too-large",
                        format!("{} > {max}", m.len()),
                    )),
                    Ok(_) => File::open(&path)
                        .map_err(|e| Problem::new("import-error-corrupt-entry", e.to_string()))
                        .and_then(|mut f| read_capped(&mut f, max)),
                    Err(e) => Err(Problem::new("import-error-corrupt-entry", e.to_string())),
                };
                Some(Entry { name, bytes })
            }
        }
    }

    /// How many publication and tree files it holds (for the progress bar).
    pub fn feed_files(&mut self) -> u64 {
        match self {
            Archive::Folder { files, .. } => files
                .iter()
                .filter(|n| !matches!(feed::file_kind(n), feed::FileKind::NotXml))
                .count() as u64,
            Archive::Zip(z) => z.xml_count() as u64,
        }
    }
}

/// The audience a source's publications belong to when they do not say.
pub fn audience_of(spec: &Spec) -> Option<&'static str> {
    feed::audience_of_name(spec.label())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn testdata() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata")
    }

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("comarquage-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn zips_at_the_top_of_the_directory_are_the_default_sources() {
        let specs = discover(&testdata(), &[]).unwrap();
        assert_eq!(
            specs,
            [
                Spec::Zip {
                    path: "vosdroits-asso.zip".into()
                },
                Spec::Zip {
                    path: "vosdroits-part.zip".into()
                },
            ]
        );
    }

    #[test]
    fn named_entries_may_be_folders_and_must_exist() {
        let specs = discover(&testdata(), &["src/part".into()]).unwrap();
        assert_eq!(
            specs,
            [Spec::Folder {
                path: "src/part".into()
            }]
        );
        let err = discover(&testdata(), &["nope.zip".into()]).unwrap_err();
        assert_eq!(err.code, "import-error-missing-entry");
        let err = discover(&testdata(), &["../etc".into()]).unwrap_err();
        assert_eq!(err.code, "import-error-missing-entry");
    }

    #[test]
    fn a_directory_that_is_not_there_is_reported_as_not_granted() {
        let err = discover(Path::new("/nonexistent-granted"), &[]).unwrap_err();
        assert_eq!(err.code, "import-error-no-directory");
    }

    #[test]
    fn folders_are_sources_when_there_is_no_zip() {
        let dir = temp("folders");
        std::fs::create_dir_all(dir.join("part")).unwrap();
        std::fs::write(dir.join("part/F1.xml"), "<Publication/>").unwrap();
        std::fs::create_dir_all(dir.join("empty")).unwrap();
        assert_eq!(
            discover(&dir, &[]).unwrap(),
            [Spec::Folder {
                path: "part".into()
            }]
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_sample_zip_holds_the_sample_folder_file_for_file() {
        // Keeps testdata/*.zip in step with testdata/src/ (see its README).
        for audience in ["part", "asso"] {
            let root = testdata();
            let mut zip = open_local(
                &root,
                &Spec::Zip {
                    path: format!("vosdroits-{audience}.zip"),
                },
            )
            .unwrap();
            let mut folder = open_local(
                &root,
                &Spec::Folder {
                    path: format!("src/{audience}"),
                },
            )
            .unwrap();
            assert_eq!(zip.len(), folder.len(), "{audience}: number of files");
            for i in 0..zip.len() {
                let (Some(a), Some(b)) = (zip.entry(i, 1 << 20), folder.entry(i, 1 << 20)) else {
                    panic!("{audience}: entry {i} missing");
                };
                assert_eq!(a.name, b.name);
                assert!(
                    a.bytes.unwrap() == b.bytes.unwrap(),
                    "{audience}: {} differs, rebuild the zip",
                    a.name
                );
            }
        }
    }

    #[test]
    fn every_sample_file_parses_without_unknown_elements_but_exposant() {
        let root = testdata();
        for audience in ["part", "asso"] {
            let mut folder = open_local(
                &root,
                &Spec::Folder {
                    path: format!("src/{audience}"),
                },
            )
            .unwrap();
            for i in 0..folder.len() {
                let entry = folder.entry(i, 1 << 20).unwrap();
                let text = feed::decode(&entry.bytes.unwrap()).unwrap();
                match feed::file_kind(&entry.name) {
                    feed::FileKind::Publication(id) => {
                        let p = feed::parse_publication(&text)
                            .unwrap_or_else(|e| panic!("{}: {e:?}", entry.name));
                        assert_eq!(p.id, id);
                        assert!(
                            p.unknown.keys().all(|k| k == "Exposant"),
                            "{}: {:?}",
                            entry.name,
                            p.unknown
                        );
                        assert!(p.verified_on.is_some(), "{}", entry.name);
                    }
                    feed::FileKind::Tree => {
                        feed::parse_tree(&text).unwrap();
                    }
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn a_truncated_zip_is_corrupt() {
        let bytes = std::fs::read(testdata().join("vosdroits-part.zip")).unwrap();
        let err = open_zip_bytes(bytes[..bytes.len() / 2].to_vec())
            .err()
            .unwrap();
        assert_eq!(err.code, "import-error-corrupt-zip");
        assert!(open_zip_bytes(bytes).is_ok());
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_it_is_read() {
        let bytes = std::fs::read(testdata().join("vosdroits-part.zip")).unwrap();
        let mut zip = open_zip_bytes(bytes).unwrap();
        let entry = (0..zip.len()).find_map(|i| zip.entry(i, 100)).unwrap();
        assert_eq!(entry.bytes.unwrap_err().code, "import-error-too-large");
        let dir = temp("large");
        std::fs::write(dir.join("F1.xml"), vec![b' '; 500]).unwrap();
        let mut folder = open_local(&dir, &Spec::Folder { path: ".".into() }).unwrap();
        assert_eq!(
            folder.entry(0, 100).unwrap().bytes.unwrap_err().code,
            "import-error-too-large"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_damaged_entry_is_reported_and_the_others_still_read() {
        let mut bytes = std::fs::read(testdata().join("vosdroits-part.zip")).unwrap();
        // Flip bytes inside the first entry's compressed data.
        for b in &mut bytes[60..90] {
            *b ^= 0x5a;
        }
        let mut zip = open_zip_bytes(bytes).unwrap();
        let first = zip.entry(0, 1 << 20).unwrap();
        assert_eq!(first.bytes.unwrap_err().code, "import-error-corrupt-entry");
        assert!(zip.entry(1, 1 << 20).unwrap().bytes.is_ok());
    }

    #[test]
    fn sources_name_their_audience() {
        assert_eq!(
            audience_of(&Spec::Zip {
                path: "vosdroits-part.zip".into()
            }),
            Some("particuliers")
        );
        assert_eq!(
            audience_of(&Spec::Folder {
                path: "asso".into()
            }),
            Some("associations")
        );
        assert_eq!(
            audience_of(&Spec::Url {
                url: "https://lecomarquage.service-public.fr/vdd/3.3/pro/zip/vosdroits-latest.zip"
                    .into(),
                index: 0,
                chunks: 1
            }),
            Some("professionnels")
        );
    }
}
