//! k-means through linfa, seeded so the same input gives the same themes.

use super::{ClusterError, Clustering, Fit, Points};
use linfa::traits::{Fit as _, Predict as _};
use linfa::DatasetBase;
use rand_xoshiro::rand_core::SeedableRng;
use rand_xoshiro::Xoshiro256Plus;
use serde::Serialize;

/// Partition into exactly `k` groups (fewer if there are fewer rows).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KMeans {
    /// Number of clusters.
    pub k: usize,
    /// Seed of the initialisation; fixed so runs are reproducible.
    pub seed: u64,
}

impl Fit for KMeans {
    fn fit(&self, points: &Points) -> Result<Clustering, ClusterError> {
        let vectors = points.vectors;
        if self.k == 0 {
            return Err(ClusterError::Invalid("--k must be at least 1".into()));
        }
        let n = vectors.nrows();
        if n == 0 {
            return Ok(Clustering { labels: Vec::new() });
        }
        let k = self.k.min(n);
        let dataset = DatasetBase::from(vectors.to_owned());
        let rng = Xoshiro256Plus::seed_from_u64(self.seed);
        let model = linfa_clustering::KMeans::params_with_rng(k, rng)
            .n_runs(4)
            .max_n_iterations(300)
            .tolerance(1e-5)
            .fit(&dataset)
            .map_err(|e| ClusterError::KMeans(e.to_string()))?;
        let labels = model.predict(&vectors.to_owned());
        let raw: Vec<usize> = labels.iter().copied().collect();
        Ok(Clustering::from_raw(&raw))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn finds_two_groups_reproducibly() {
        let v = array![[1.0f32, 0.0], [0.99, 0.14], [0.0, 1.0], [0.14, 0.99]];
        let m = KMeans { k: 2, seed: 7 };
        let p = Points::new(v.view());
        let a = m.fit(&p).unwrap();
        assert_eq!(a.labels, vec![0, 0, 1, 1]);
        assert_eq!(a, m.fit(&p).unwrap());
        assert!(KMeans { k: 0, seed: 7 }.fit(&p).is_err());
    }
}
