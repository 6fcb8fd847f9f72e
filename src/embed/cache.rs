//! On-disk embedding cache: one append-only file per model, keyed by the sha256 of each text.
//!
//! File layout: a header (`MAGIC`, dim as u32 LE, model id length as u32 LE, model id bytes),
//! then records of a 32-byte text hash followed by `dim` f32 LE. The exact floats returned by
//! the model are stored, so a warm run is byte-identical to the cold one.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ndarray::Array2;
use sha2::{Digest, Sha256};

use super::{EmbedError, Embedder};

const MAGIC: &[u8; 8] = b"CNCDEMB1";

type Key = [u8; 32];

/// On-disk embedding cache.
pub struct Cache {
    path: PathBuf,
    model_id: String,
    dim: usize,
    map: HashMap<Key, Box<[f32]>>,
}

fn cache_err(path: &Path) -> impl FnOnce(io::Error) -> EmbedError + '_ {
    move |source| EmbedError::Cache {
        path: path.to_path_buf(),
        source,
    }
}

/// sha256 of a text, the cache key.
pub fn text_key(text: &str) -> Key {
    Sha256::digest(text.as_bytes()).into()
}

fn header(model_id: &str, dim: usize) -> Vec<u8> {
    let mut h = MAGIC.to_vec();
    h.extend_from_slice(&(dim as u32).to_le_bytes());
    h.extend_from_slice(&(model_id.len() as u32).to_le_bytes());
    h.extend_from_slice(model_id.as_bytes());
    h
}

/// A file name that is safe on every platform and unique per model id.
fn file_name(model_id: &str) -> String {
    let readable: String = model_id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .take(64)
        .collect();
    let tag = hex::encode(&Sha256::digest(model_id.as_bytes())[..4]);
    format!("{readable}-{tag}.bin")
}

impl Cache {
    /// Open (or create) the cache of `model_id` under `<root_dir>/embeddings/`.
    ///
    /// A trailing partial record (an interrupted write) is dropped; a file with a foreign or
    /// damaged header is reported on stderr and started afresh.
    pub fn open(root_dir: &Path, model_id: &str, dim: usize) -> Result<Cache, EmbedError> {
        let dir = root_dir.join("embeddings");
        fs::create_dir_all(&dir).map_err(cache_err(&dir))?;
        let path = dir.join(file_name(model_id));
        let mut cache = Cache {
            path,
            model_id: model_id.to_string(),
            dim,
            map: HashMap::new(),
        };
        match cache.load() {
            Ok(()) => {}
            Err(LoadError::Io(e)) if e.kind() == io::ErrorKind::NotFound => cache.reset()?,
            Err(LoadError::Io(e)) => return Err(cache_err(&cache.path)(e)),
            Err(LoadError::Corrupt(why)) => {
                eprintln!(
                    "concord: warning: embedding cache {} is damaged ({why}); rebuilding it",
                    cache.path.display()
                );
                cache.map.clear();
                cache.reset()?;
            }
        }
        Ok(cache)
    }

    /// The cache file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Number of cached vectors.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether nothing is cached yet.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The cached vector of `text`, if any.
    pub fn get(&self, text: &str) -> Option<&[f32]> {
        self.map.get(&text_key(text)).map(|v| &v[..])
    }

    fn record_len(&self) -> usize {
        32 + 4 * self.dim
    }

    fn load(&mut self) -> Result<(), LoadError> {
        let mut bytes = Vec::new();
        File::open(&self.path)?.read_to_end(&mut bytes)?;
        let head = header(&self.model_id, self.dim);
        if bytes.len() < head.len() || bytes[..head.len()] != head[..] {
            return Err(LoadError::Corrupt("unexpected header".into()));
        }
        let body = &bytes[head.len()..];
        let rec = self.record_len();
        let whole = body.len() / rec * rec;
        for r in body[..whole].chunks_exact(rec) {
            let mut key = [0u8; 32];
            key.copy_from_slice(&r[..32]);
            let v: Box<[f32]> = r[32..]
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect();
            if v.iter().any(|x| !x.is_finite()) {
                return Err(LoadError::Corrupt("non-finite values".into()));
            }
            self.map.insert(key, v);
        }
        if whole != body.len() {
            // Cut the torn record off so later appends stay aligned to record boundaries.
            let f = OpenOptions::new().write(true).open(&self.path)?;
            f.set_len((head.len() + whole) as u64)?;
        }
        Ok(())
    }

    /// Start an empty file with a fresh header.
    fn reset(&self) -> Result<(), EmbedError> {
        let head = header(&self.model_id, self.dim);
        crate::disk::write_atomic(&self.path, &head).map_err(cache_err(&self.path))
    }

    /// Add vectors (row `i` belongs to `texts[i]`) to memory and, in one write, to disk.
    pub fn insert(&mut self, texts: &[&str], vectors: &Array2<f32>) -> Result<(), EmbedError> {
        let mut buf = Vec::with_capacity(texts.len() * self.record_len());
        for (text, row) in texts.iter().zip(vectors.rows()) {
            let key = text_key(text);
            if self.map.contains_key(&key) {
                continue;
            }
            buf.extend_from_slice(&key);
            let v: Box<[f32]> = row.iter().copied().collect();
            for x in v.iter() {
                buf.extend_from_slice(&x.to_le_bytes());
            }
            self.map.insert(key, v);
        }
        if buf.is_empty() {
            return Ok(());
        }
        let mut f = OpenOptions::new()
            .append(true)
            .open(&self.path)
            .map_err(cache_err(&self.path))?;
        f.write_all(&buf).map_err(cache_err(&self.path))
    }
}

enum LoadError {
    Io(io::Error),
    Corrupt(String),
}

impl From<io::Error> for LoadError {
    fn from(e: io::Error) -> Self {
        LoadError::Io(e)
    }
}

/// An embedder that consults the cache first and embeds only the misses.
pub struct CachedEmbedder<E: Embedder> {
    inner: E,
    cache: Mutex<Cache>,
}

impl<E: Embedder> CachedEmbedder<E> {
    /// Wrap `inner` with the cache under `root_dir` (e.g. `CONCORD_CACHE_DIR`).
    pub fn open(inner: E, root_dir: &Path) -> Result<Self, EmbedError> {
        let cache = Cache::open(root_dir, inner.model_id(), inner.dim())?;
        Ok(CachedEmbedder {
            inner,
            cache: Mutex::new(cache),
        })
    }

    /// The wrapped embedder.
    pub fn inner(&self) -> &E {
        &self.inner
    }
}

impl<E: Embedder> Embedder for CachedEmbedder<E> {
    fn embed(&self, texts: &[&str]) -> Result<Array2<f32>, EmbedError> {
        let d = self.inner.dim();
        // A poisoned lock only means another thread panicked mid-insert; the map is still a
        // valid (possibly smaller) cache, so carry on with it.
        let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        let mut out = Array2::<f32>::zeros((texts.len(), d));
        let mut misses: Vec<&str> = Vec::new();
        let mut miss_rows: Vec<usize> = Vec::new();
        for (i, &t) in texts.iter().enumerate() {
            match cache.get(t) {
                Some(v) if v.len() == d => out.row_mut(i).assign(&ndarray::ArrayView1::from(v)),
                _ => {
                    misses.push(t);
                    miss_rows.push(i);
                }
            }
        }
        if !misses.is_empty() {
            let fresh = self.inner.embed(&misses)?;
            for (k, &i) in miss_rows.iter().enumerate() {
                out.row_mut(i).assign(&fresh.row(k));
            }
            cache.insert(&misses, &fresh)?;
        }
        Ok(out)
    }

    fn model_id(&self) -> &str {
        self.inner.model_id()
    }

    fn dim(&self) -> usize {
        self.inner.dim()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Deterministic fake model that counts how often it is asked.
    struct Counting {
        calls: AtomicUsize,
        texts: AtomicUsize,
    }

    impl Embedder for Counting {
        fn embed(&self, texts: &[&str]) -> Result<Array2<f32>, EmbedError> {
            self.calls.fetch_add(1, Ordering::SeqCst);
            self.texts.fetch_add(texts.len(), Ordering::SeqCst);
            Ok(Array2::from_shape_fn((texts.len(), 4), |(i, j)| {
                (texts[i].len() as f32 + 0.1) * (j as f32 + 1.0) / 7.0
            }))
        }
        fn model_id(&self) -> &str {
            "test/counting@0000"
        }
        fn dim(&self) -> usize {
            4
        }
    }

    fn counting() -> Counting {
        Counting {
            calls: AtomicUsize::new(0),
            texts: AtomicUsize::new(0),
        }
    }

    #[test]
    fn round_trip_and_hits_skip_the_model() {
        let root = tempfile::tempdir().unwrap();
        let texts = ["alpha", "beta", "gamma", "alpha"];
        let cold = {
            let e = CachedEmbedder::open(counting(), root.path()).unwrap();
            let v = e.embed(&texts).unwrap();
            assert_eq!(e.inner().calls.load(Ordering::SeqCst), 1);
            v
        };
        let e = CachedEmbedder::open(counting(), root.path()).unwrap();
        let warm = e.embed(&texts).unwrap();
        assert_eq!(e.inner().calls.load(Ordering::SeqCst), 0, "all hits");
        assert_eq!(cold, warm);
        // Only the new text reaches the model, in one call.
        let mixed = e.embed(&["beta", "delta", "epsilon", "alpha"]).unwrap();
        assert_eq!(e.inner().calls.load(Ordering::SeqCst), 1);
        assert_eq!(e.inner().texts.load(Ordering::SeqCst), 2);
        assert_eq!(mixed.row(0), cold.row(1));
        assert_eq!(mixed.row(3), cold.row(0));
    }

    #[test]
    fn torn_trailing_record_is_ignored_and_cut() {
        let root = tempfile::tempdir().unwrap();
        let path = {
            let e = CachedEmbedder::open(counting(), root.path()).unwrap();
            e.embed(&["one", "two"]).unwrap();
            let p = e.cache.lock().unwrap().path().to_path_buf();
            p
        };
        let len = fs::metadata(&path).unwrap().len();
        OpenOptions::new()
            .write(true)
            .open(&path)
            .unwrap()
            .set_len(len - 5)
            .unwrap();
        let e = CachedEmbedder::open(counting(), root.path()).unwrap();
        assert_eq!(e.cache.lock().unwrap().len(), 1);
        e.embed(&["one", "two", "three"]).unwrap();
        assert_eq!(e.inner().texts.load(Ordering::SeqCst), 2);
        // The file is aligned again: a reopen sees all three.
        let again = Cache::open(root.path(), "test/counting@0000", 4).unwrap();
        assert_eq!(again.len(), 3);
    }

    #[test]
    fn corrupt_file_is_rebuilt() {
        let root = tempfile::tempdir().unwrap();
        let path = Cache::open(root.path(), "m", 4)
            .unwrap()
            .path()
            .to_path_buf();
        fs::write(&path, b"garbage that is not a cache").unwrap();
        let c = Cache::open(root.path(), "m", 4).unwrap();
        assert!(c.is_empty());
        assert!(fs::read(&path).unwrap().starts_with(MAGIC));
    }
}
