//! Average-linkage agglomerative clustering (kodama), cut at a cosine threshold.

use super::{similarity, ClusterError, Clustering, Fit, Points};
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

impl Fit for Agglomerative {
    fn fit(&self, points: &Points) -> Result<Clustering, ClusterError> {
        let vectors = points.vectors;
        if !(-1.0..=1.0).contains(&self.threshold) {
            return Err(ClusterError::Invalid(format!(
                "threshold {} is not a cosine between -1 and 1",
                self.threshold
            )));
        }
        let n = vectors.nrows();
        if n < 2 {
            return Ok(Clustering::from_raw(&vec![0; n]));
        }
        let mut condensed =
            similarity::condensed_hybrid(vectors, points.terms, self.lexical_weight);
        let dendrogram = kodama::linkage(&mut condensed, n, kodama::Method::Average);
        let cut = (1.0 + self.lexical_weight) - self.threshold;
        // Average linkage has no inversions, so the merges at or below the cut are
        // closed under "child of": a union over them, in any order, is the flat cut.
        let mut parent: Vec<usize> = (0..2 * n - 1).collect();
        for (i, step) in dendrogram.steps().iter().enumerate() {
            if step.dissimilarity <= cut {
                union(&mut parent, step.cluster1, n + i);
                union(&mut parent, step.cluster2, n + i);
            }
        }
        let raw: Vec<usize> = (0..n).map(|i| find(&mut parent, i)).collect();
        Ok(Clustering::from_raw(&raw))
    }
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
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
        let terms = crate::lexical::tfidf(&["permanent IGF mandate", "permanent IGF mandate"]);
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
}
