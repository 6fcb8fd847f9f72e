//! The similarity graph: every pair above a threshold, found block by block so
//! no n × n matrix is ever held, and its connected components.

use super::similarity::{blocks, hybrid_rows};
use super::Points;

/// All pairs `(i, j)`, `i < j`, whose hybrid similarity `cos + weight × tfidf` is at
/// least `threshold`, in row order.
pub fn pairs_above(points: &Points, weight: f32, threshold: f32) -> Vec<(usize, usize)> {
    pairs_where(points, weight, threshold - weight, |sim| sim >= threshold)
}

/// All pairs `(i, j)`, `i < j`, whose linkage distance `(1 + weight) - hybrid` is at
/// most `cut`: the very comparison the linkage cut makes on the very same floats, so
/// no pair a merge within the cut could rest on is missing from the graph.
pub fn pairs_within(points: &Points, weight: f32, cut: f32) -> Vec<(usize, usize)> {
    let top = 1.0 + weight;
    // Distances within the cut need a similarity of about `top - cut`; the lexical
    // term adds at most `weight`, and the margin keeps rounding on the safe side.
    let lexical_from = top - cut - weight - 1e-3;
    pairs_where(points, weight, lexical_from, |sim| top - sim <= cut)
}

/// [`hybrid_rows`] filtered by `keep`.
fn pairs_where(
    points: &Points,
    weight: f32,
    lexical_from: f32,
    keep: impl Fn(f32) -> bool + Sync,
) -> Vec<(usize, usize)> {
    let n = points.vectors.nrows();
    let states: Vec<Vec<(usize, usize)>> = (0..blocks(n)).map(|_| Vec::new()).collect();
    hybrid_rows(points, weight, lexical_from, states, |out, i, sims| {
        for (k, &sim) in sims.iter().enumerate() {
            if keep(sim) {
                out.push((i, i + 1 + k));
            }
        }
    })
    .into_iter()
    .flatten()
    .collect()
}

/// Connected components of the graph on `n` nodes with `edges`: each a sorted
/// list of nodes, components ordered by their smallest node.
pub fn components(n: usize, edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut uf = UnionFind::new(n);
    for &(a, b) in edges {
        uf.union(a, b);
    }
    let mut index = vec![usize::MAX; n];
    let mut out: Vec<Vec<usize>> = Vec::new();
    for node in 0..n {
        let root = uf.find(node);
        if index[root] == usize::MAX {
            index[root] = out.len();
            out.push(Vec::new());
        }
        out[index[root]].push(node);
    }
    out
}

/// Disjoint sets with path halving; the smaller root wins so results are stable.
#[derive(Debug, Clone)]
pub struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    /// `n` singleton sets.
    pub fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    /// Representative of `x`'s set.
    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Merge the sets of `a` and `b`.
    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array2;

    #[test]
    fn blocked_pairs_match_brute_force() {
        // More rows than one block, so block edges are exercised.
        let n = crate::cluster::similarity::BLOCK + 37;
        let mut state = 12345u64;
        let mut v = Array2::from_shape_fn((n, 8), |_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as f32 / (1u64 << 31) as f32 - 0.5
        });
        for mut row in v.rows_mut() {
            let norm = row.dot(&row).sqrt();
            row /= norm;
        }
        let points = Points::new(v.view());
        let got = pairs_above(&points, 0.0, 0.6);
        let mut want = Vec::new();
        for i in 0..n {
            for j in i + 1..n {
                if v.row(i).dot(&v.row(j)) >= 0.6 {
                    want.push((i, j));
                }
            }
        }
        assert!(!want.is_empty());
        assert_eq!(got, want);
    }

    #[test]
    fn components_are_ordered_and_complete() {
        let c = components(6, &[(4, 1), (2, 5), (5, 4)]);
        assert_eq!(c, vec![vec![0], vec![1, 2, 4, 5], vec![3]]);
    }
}
