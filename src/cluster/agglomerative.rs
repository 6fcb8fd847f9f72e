//! Average-linkage agglomerative clustering (kodama), cut at a cosine threshold.

use super::linkage::{self, Linkage, Tree};
use super::{graph, similarity, ClusterError, Clustering, Fit, Points};
use serde::Serialize;

/// Merge groups while their average pairwise similarity stays at or above
/// `threshold`; similarity is cosine plus `lexical_weight` times TF-IDF cosine.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agglomerative {
    /// Minimum average similarity between two groups for them to merge.
    pub threshold: f32,
    /// Weight of the TF-IDF cosine added to the embedding cosine (0 = embeddings only).
    pub lexical_weight: f32,
}

impl Default for Agglomerative {
    /// The digest's defaults, for the CLI and `eval` alike (reasons in docs/THRESHOLDS.md).
    fn default() -> Self {
        Agglomerative {
            threshold: 0.5,
            lexical_weight: 0.3,
        }
    }
}

/// Largest connected group of mutually similar statements clustered exactly;
/// its distance matrix takes `n²/2` floats (40,000 rows: 3.2 GB).
pub const MAX_COMPONENT: usize = 40_000;

/// Up to this many rows one linkage over all pairs is cheaper than finding the
/// components first (its matrix: 288 MB at 12,000 rows); beyond, memory decides.
const DENSE_UP_TO: usize = 12_000;

impl Fit for Agglomerative {
    /// Exact average linkage cut at the threshold: over all pairs for small inputs,
    /// per connected component of the similarity graph for large ones (same result).
    fn fit(&self, points: &Points) -> Result<Clustering, ClusterError> {
        if !(-1.0..=1.0).contains(&self.threshold) {
            return Err(ClusterError::Invalid(format!(
                "threshold {} is not a cosine between -1 and 1",
                self.threshold
            )));
        }
        let n = points.vectors.nrows();
        if n <= DENSE_UP_TO {
            return Ok(Clustering::from_raw(&self.cut(points, &[(0..n).collect()])));
        }
        self.by_components(points)
    }
}

impl Agglomerative {
    /// Average linkage per connected component of the graph of pairs at or above
    /// the threshold: a merge at average similarity t or more needs at least one
    /// pair at t or more, so no theme ever spans two components, and the result
    /// equals one linkage over everything without its n × n matrix.
    fn by_components(&self, points: &Points) -> Result<Clustering, ClusterError> {
        let n = points.vectors.nrows();
        // The graph compares the linkage's own floats with its own cut (one engine),
        // so a pair within the cut is always an edge.
        let edges = graph::pairs_within(points, self.lexical_weight, self.cut_height());
        let components = graph::components(n, &edges);
        if let Some(big) = components.iter().find(|c| c.len() > MAX_COMPONENT) {
            return Err(ClusterError::Invalid(format!(
                "{} statements are all linked at similarity {}; clustering them exactly needs \
                 more memory than is sensible. Raise --threshold or use --method kmeans --k N.",
                big.len(),
                self.threshold
            )));
        }
        Ok(Clustering::from_raw(&self.cut(points, &components)))
    }

    /// The whole average-linkage tree of `points`, to be cut at several thresholds
    /// by [`Agglomerative::cut_tree`] (re-cutting a catch-all): `None` past
    /// [`DENSE_UP_TO`] rows, where only [`Fit::fit`] keeps memory in bounds. Only the
    /// lexical weight of `self` matters here.
    pub fn tree(&self, points: &Points) -> Option<Tree> {
        let n = points.vectors.nrows();
        if n > DENSE_UP_TO {
            return None;
        }
        let mut condensed = similarity::condensed_hybrid(points, self.lexical_weight);
        Some(Tree::new(n, &mut condensed, Linkage::Average))
    }

    /// `tree` (from [`Agglomerative::tree`] with the same lexical weight) cut at this
    /// threshold: the clustering [`Fit::fit`] gives on the same points.
    pub fn cut_tree(&self, tree: &Tree) -> Clustering {
        Clustering::from_raw(&tree.cut(self.cut_height()))
    }

    /// The threshold as a linkage distance.
    fn cut_height(&self) -> f32 {
        (1.0 + self.lexical_weight) - self.threshold
    }

    /// Average linkage within each of `components`, cut at the threshold.
    fn cut(&self, points: &Points, components: &[Vec<usize>]) -> Vec<usize> {
        linkage::cut(
            points.vectors.nrows(),
            components,
            Linkage::Average,
            self.cut_height(),
            |rows| similarity::condensed_hybrid(&points.subset(rows).view(), self.lexical_weight),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array2;

    fn agg(threshold: f32) -> Agglomerative {
        Agglomerative {
            threshold,
            lexical_weight: 0.0,
        }
    }

    fn unit(angle_deg: f32) -> [f32; 2] {
        let r = angle_deg.to_radians();
        [r.cos(), r.sin()]
    }

    #[test]
    fn separates_two_tight_groups() {
        let rows = [unit(0.0), unit(5.0), unit(10.0), unit(90.0), unit(95.0)];
        let v = Array2::from_shape_fn((5, 2), |(i, j)| rows[i][j]);
        let p = Points::new(v.view());
        let c = agg(0.9).fit(&p).unwrap();
        assert_eq!(c.labels, vec![0, 0, 0, 1, 1]);
        assert_eq!(agg(-1.0).fit(&p).unwrap().len(), 1);
        assert_eq!(agg(1.0).fit(&p).unwrap().len(), 5);
    }

    #[test]
    fn rejects_bad_threshold_and_handles_tiny_input() {
        let v = Array2::<f32>::zeros((1, 2));
        assert!(agg(2.0).fit(&Points::new(v.view())).is_err());
        assert_eq!(
            agg(0.5).fit(&Points::new(v.view())).unwrap().labels,
            vec![0]
        );
        let empty = Array2::<f32>::zeros((0, 2));
        assert!(agg(0.5).fit(&Points::new(empty.view())).unwrap().is_empty());
    }

    #[test]
    fn shared_rare_terms_pull_statements_together() {
        // Two rows at cosine 0.45: apart on embeddings alone, together once
        // their identical wording adds a lexical bonus.
        let rows = [unit(0.0), unit(63.3)];
        let v = Array2::from_shape_fn((2, 2), |(i, j)| rows[i][j]);
        let terms = crate::text::lexical::tfidf(
            &["permanent IGF mandate", "permanent IGF mandate"],
            &Default::default(),
        );
        let p = Points {
            vectors: v.view(),
            terms: &terms,
        };
        assert_eq!(agg(0.5).fit(&p).unwrap().len(), 2);
        let hybrid = Agglomerative {
            threshold: 0.5,
            lexical_weight: 0.3,
        };
        assert_eq!(hybrid.fit(&p).unwrap().len(), 1);
    }

    #[test]
    fn per_component_linkage_equals_one_global_linkage() {
        // Clustered data: 12 centres, 30 noisy points each, in 16 dimensions.
        let (n, d) = (360, 16);
        let mut state = 99u64;
        let mut next = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as f32 / (1u64 << 31) as f32 - 0.5
        };
        let centres = Array2::from_shape_fn((12, d), |_| next());
        let mut v = Array2::from_shape_fn((n, d), |(i, j)| centres[[i % 12, j]] + 0.35 * next());
        for mut row in v.rows_mut() {
            let norm = row.dot(&row).sqrt();
            row /= norm;
        }
        let texts: Vec<String> = (0..n).map(|i| format!("topic{} item", i % 5)).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let terms = crate::text::lexical::tfidf(&refs, &Default::default());
        let p = Points {
            vectors: v.view(),
            terms: &terms,
        };
        for (threshold, lexical_weight) in [(0.5, 0.0), (0.7, 0.0), (0.6, 0.3), (0.2, 0.0)] {
            let m = Agglomerative {
                threshold,
                lexical_weight,
            };
            let exact = Clustering::from_raw(&m.cut(&p, &[(0..n).collect()]));
            let fast = m.by_components(&p).unwrap();
            assert_eq!(
                fast, exact,
                "threshold {threshold}, weight {lexical_weight}"
            );
            assert!(fast.len() > 1 && fast.len() < n, "a non-trivial cut");
        }
    }
}
