//! The similarity graph: every pair above a threshold, found block by block so
//! no n × n matrix is ever held, and its connected components.

use super::Points;
use ndarray::s;
use rayon::prelude::*;

/// Rows compared against the rest in one step; a block of similarities is
/// `BLOCK × n` floats, small enough for cache and memory at any corpus size.
const BLOCK: usize = 256;

/// All pairs `(i, j)`, `i < j`, whose hybrid similarity is at least `threshold`.
///
/// Cosines come from one matrix product per block; the lexical term, which can
/// add at most `weight`, is only computed for pairs whose cosine leaves it a chance.
pub fn pairs_above(points: &Points, weight: f32, threshold: f32) -> Vec<(usize, usize)> {
    let v = points.vectors;
    let n = v.nrows();
    let lexical = weight > 0.0 && !points.terms.is_empty();
    let floor = if lexical {
        threshold - weight
    } else {
        threshold
    };
    let starts: Vec<usize> = (0..n).step_by(BLOCK).collect();
    let blocks: Vec<Vec<(usize, usize)>> = starts
        .into_par_iter()
        .map(|r0| {
            let r1 = (r0 + BLOCK).min(n);
            // Upper triangle only: columns from r0 on.
            let sims = v.slice(s![r0..r1, ..]).dot(&v.slice(s![r0.., ..]).t());
            let mut out = Vec::new();
            for (bi, row) in sims.rows().into_iter().enumerate() {
                let i = r0 + bi;
                for (k, &cos) in row.iter().enumerate().skip(bi + 1) {
                    let j = r0 + k;
                    // The lexical bonus is never negative: only pairs the cosine
                    // alone leaves short need it computed.
                    if cos >= threshold
                        || (lexical
                            && cos >= floor
                            && cos + weight * points.terms[i].dot(&points.terms[j]) >= threshold)
                    {
                        out.push((i, j));
                    }
                }
            }
            out
        })
        .collect();
    blocks.into_iter().flatten().collect()
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
        let n = BLOCK + 37;
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
