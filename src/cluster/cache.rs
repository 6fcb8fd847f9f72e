//! Clustering results kept on disk, so a re-run on unchanged input skips the linkage.
//!
//! A result is keyed by the sha256 of everything it depends on: the method with its
//! parameters, the texts (from which the TF-IDF terms are built) and the exact bytes of the
//! vectors. Any change to one of them is a different key, so a stored result is never stale.
//! File layout: `MAGIC`, the row count as u64 LE, then one u32 LE label per row.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{ClusterError, Clustering, Fit, Points};

const MAGIC: &[u8; 8] = b"CNCDCLU1";

/// Where clustering results are stored: `<cache root>/clusters/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterCache {
    dir: PathBuf,
}

impl ClusterCache {
    /// Results under `<root>/clusters/` (created on first write).
    pub fn new(root: &Path) -> Self {
        ClusterCache {
            dir: root.join("clusters"),
        }
    }

    /// Cluster `points` with `method`, or return the result stored for the same input.
    /// `texts` are the texts the points' terms were built from.
    ///
    /// Any [`Fit`] that serialises its parameters will do (normally a [`Method`](super::Method)); the
    /// serialised parameters are part of the key.
    ///
    /// The cache only ever saves work: a result that cannot be read is computed again,
    /// and one that cannot be written is computed again next time.
    pub fn fit<M: Fit + Serialize>(
        &self,
        method: &M,
        points: &Points,
        texts: &[&str],
    ) -> Result<Clustering, ClusterError> {
        let path = self
            .dir
            .join(format!("{}.labels", key(method, points, texts)));
        if let Some(labels) = read(&path, points.vectors.nrows()) {
            return Ok(Clustering { labels });
        }
        let clustering = method.fit(points)?;
        // Best effort, see above.
        let _ = write(&self.dir, &path, &clustering.labels);
        Ok(clustering)
    }
}

/// sha256 of the method, the texts, the vectors and the terms, hex.
fn key(method: &impl Serialize, points: &Points, texts: &[&str]) -> String {
    let mut h = Sha256::new();
    h.update(MAGIC);
    // Serialising a plain struct of numbers cannot fail; an empty string would still be a
    // key of its own.
    h.update(serde_json::to_string(method).unwrap_or_default().as_bytes());
    let (rows, dim) = points.vectors.dim();
    for n in [rows, dim, texts.len(), points.terms.len()] {
        h.update((n as u64).to_le_bytes());
    }
    // The key only has to be stable on this machine, so native byte order will do.
    match points.vectors.as_slice() {
        Some(all) => h.update(bytemuck::cast_slice::<f32, u8>(all)),
        None => {
            for row in points.vectors.rows() {
                h.update(bytemuck::cast_slice::<f32, u8>(&row.to_vec()));
            }
        }
    }
    for t in texts {
        h.update((t.len() as u64).to_le_bytes());
        h.update(t.as_bytes());
    }
    // The lexical half of the similarity: how texts become terms may change (acronyms
    // folded, say) while the texts and vectors stay the same.
    for terms in points.terms {
        h.update((terms.0.len() as u64).to_le_bytes());
        for &(id, w) in &terms.0 {
            h.update(id.to_le_bytes());
            h.update(w.to_le_bytes());
        }
    }
    hex::encode(h.finalize())
}

/// The labels stored at `path`, if it holds a whole result for `rows` rows.
fn read(path: &Path, rows: usize) -> Option<Vec<usize>> {
    let bytes = fs::read(path).ok()?;
    let body = bytes.strip_prefix(MAGIC.as_slice())?;
    let (count, labels) = body.split_first_chunk::<8>()?;
    if u64::from_le_bytes(*count) != rows as u64 || labels.len() != rows * 4 {
        return None;
    }
    let (words, _) = labels.as_chunks::<4>();
    let labels: Vec<usize> = words
        .iter()
        .map(|&w| u32::from_le_bytes(w) as usize)
        .collect();
    // Labels are numbered by first appearance; anything else is not ours.
    (Clustering::from_raw(&labels).labels == labels).then_some(labels)
}

/// Store `labels` at `path` (in `dir`), never leaving half a file for a reader.
fn write(dir: &Path, path: &Path, labels: &[usize]) -> std::io::Result<()> {
    fs::create_dir_all(dir)?;
    let mut bytes = Vec::with_capacity(16 + 4 * labels.len());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&(labels.len() as u64).to_le_bytes());
    for &l in labels {
        bytes.extend_from_slice(&(l as u32).to_le_bytes());
    }
    crate::disk::write_atomic(path, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::{Agglomerative, Method};
    use ndarray::Array2;
    use std::cell::Cell;

    /// A method that counts how often it really clusters, so a test can tell a stored
    /// result from a recomputed one. It serialises as the method alone: the count is not
    /// a parameter, so it is no part of the key.
    #[derive(Serialize)]
    #[serde(transparent)]
    struct Counting {
        method: Method,
        #[serde(skip)]
        calls: Cell<usize>,
    }

    impl Fit for Counting {
        fn fit(&self, points: &Points) -> Result<Clustering, ClusterError> {
            self.calls.set(self.calls.get() + 1);
            self.method.fit(points)
        }
    }

    fn method(threshold: f32) -> Counting {
        Counting {
            method: Method::Agglomerative(Agglomerative {
                threshold,
                lexical_weight: 0.0,
            }),
            calls: Cell::new(0),
        }
    }

    #[test]
    fn a_stored_result_is_reused_only_for_the_same_input() {
        let root = tempfile::tempdir().unwrap();
        let cache = ClusterCache::new(root.path());
        let v = Array2::from_shape_fn((4, 2), |(i, j)| if (i < 2) == (j == 0) { 1.0 } else { 0.0 });
        let points = Points::new(v.view());
        let texts = ["a", "b", "c", "d"];

        let m = method(0.9);
        let first = cache.fit(&m, &points, &texts).unwrap();
        assert_eq!(first.labels, vec![0, 0, 1, 1]);
        assert_eq!(m.calls.get(), 1, "a cold cache clusters");
        assert_eq!(cache.fit(&m, &points, &texts).unwrap(), first);
        assert_eq!(
            m.calls.get(),
            1,
            "the same input is read back, not clustered again"
        );
        // Another value with the same parameters is the same key.
        let same = method(0.9);
        assert_eq!(cache.fit(&same, &points, &texts).unwrap(), first);
        assert_eq!(same.calls.get(), 0);

        // Another threshold, other texts or other vectors: other keys, clustered afresh.
        let looser = method(-1.0);
        assert_eq!(cache.fit(&looser, &points, &texts).unwrap().len(), 1);
        assert_eq!(looser.calls.get(), 1);
        cache.fit(&m, &points, &["a", "b", "c", "e"]).unwrap();
        assert_eq!(m.calls.get(), 2, "other texts");
        let mut moved = v.clone();
        moved[[3, 1]] = 0.5;
        cache.fit(&m, &Points::new(moved.view()), &texts).unwrap();
        assert_eq!(m.calls.get(), 3, "other vectors");
        // And each of those is now stored in turn.
        cache.fit(&m, &Points::new(moved.view()), &texts).unwrap();
        cache.fit(&looser, &points, &texts).unwrap();
        assert_eq!((m.calls.get(), looser.calls.get()), (3, 1));
    }

    #[test]
    fn damaged_or_foreign_files_are_recomputed() {
        let root = tempfile::tempdir().unwrap();
        let cache = ClusterCache::new(root.path());
        let v = Array2::from_shape_fn((3, 2), |(i, j)| (i + j) as f32);
        let points = Points::new(v.view());
        let texts = ["x", "y", "z"];
        let m = method(0.5);
        let good = cache.fit(&m, &points, &texts).unwrap();
        let path = fs::read_dir(root.path().join("clusters"))
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        for (n, damage) in [&b"garbage"[..], &MAGIC[..], &[]].into_iter().enumerate() {
            fs::write(&path, damage).unwrap();
            assert_eq!(read(&path, 3), None);
            assert_eq!(cache.fit(&m, &points, &texts).unwrap(), good);
            assert_eq!(m.calls.get(), n + 2, "damage {n} is clustered again");
        }
        assert_eq!(read(&path, 3), Some(good.labels.clone()));
        // Labels not numbered by first appearance are not ours either.
        let mut odd = MAGIC.to_vec();
        odd.extend_from_slice(&3u64.to_le_bytes());
        for l in [2u32, 0, 1] {
            odd.extend_from_slice(&l.to_le_bytes());
        }
        fs::write(&path, odd).unwrap();
        assert_eq!(read(&path, 3), None);
        let calls = m.calls.get();
        assert_eq!(cache.fit(&m, &points, &texts).unwrap(), good);
        assert_eq!(m.calls.get(), calls + 1);
    }
}
