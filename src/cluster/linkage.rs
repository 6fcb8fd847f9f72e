//! The one linkage cut, used by themes and duplicates alike: rows split into
//! components, one hierarchical linkage per component, the tree cut flat.

use super::graph::UnionFind;
use rayon::prelude::*;

/// How the distance between two groups is measured; only the monotone methods,
/// whose merge heights never decrease, so a cut is a union over the merges below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Linkage {
    /// Mean distance over all cross pairs (themes).
    Average,
    /// Largest distance over all cross pairs: every two members within the cut (duplicates).
    Complete,
}

impl Linkage {
    fn kodama(self) -> kodama::Method {
        match self {
            Linkage::Average => kodama::Method::Average,
            Linkage::Complete => kodama::Method::Complete,
        }
    }
}

/// Flat clusters of the rows of `components` (disjoint lists of row indices): each
/// component is clustered on its own by `linkage` over `distances(rows)`, its
/// condensed distance matrix, and merges at a dissimilarity of at most `cut` are kept.
///
/// Returns one label per row of `0..n`; labels are distinct across components and
/// rows in no component get their own. Components run in parallel; the labels do not
/// depend on the thread count. When no merge at or below the cut can join rows of two
/// components (the components of the graph of pairs within the cut, for average or
/// complete linkage), the result equals one linkage over all rows.
pub fn cut<D>(
    n: usize,
    components: &[Vec<usize>],
    linkage: Linkage,
    cut: f32,
    distances: D,
) -> Vec<usize>
where
    D: Fn(&[usize]) -> Vec<f32> + Sync,
{
    let local: Vec<Vec<usize>> = components
        .par_iter()
        .map(|rows| cut_one(rows.len(), &mut distances(rows), linkage, cut))
        .collect();
    // Rows outside every component are singletons, labelled after all components.
    let mut raw: Vec<usize> = (0..n).map(|r| n + r).collect();
    let mut offset = 0;
    for (rows, labels) in components.iter().zip(&local) {
        for (&row, &label) in rows.iter().zip(labels) {
            if let Some(slot) = raw.get_mut(row) {
                *slot = offset + label;
            }
        }
        offset += rows.len();
    }
    raw
}

/// Linkage over one condensed matrix of `m` rows, cut flat: a label in `0..m` per row.
fn cut_one(m: usize, condensed: &mut [f32], linkage: Linkage, cut: f32) -> Vec<usize> {
    Tree::new(m, condensed, linkage).cut(cut)
}

/// The merges of one hierarchical linkage, kept so the same tree can be cut at
/// several heights without computing its distances again.
#[derive(Debug, Clone)]
pub struct Tree {
    rows: usize,
    /// (cluster, cluster, dissimilarity) per merge, in kodama's numbering.
    merges: Vec<(usize, usize, f32)>,
}

impl Tree {
    /// Link `m` rows by `linkage` over `condensed`, their condensed distance matrix
    /// (overwritten: kodama works in place).
    pub fn new(m: usize, condensed: &mut [f32], linkage: Linkage) -> Self {
        if m < 2 {
            return Tree {
                rows: m,
                merges: Vec::new(),
            };
        }
        let dendrogram = kodama::linkage(condensed, m, linkage.kodama());
        Tree {
            rows: m,
            merges: dendrogram
                .steps()
                .iter()
                .map(|s| (s.cluster1, s.cluster2, s.dissimilarity))
                .collect(),
        }
    }

    /// The flat clusters of merges at a dissimilarity of at most `cut`: a label in
    /// `0..m` per row.
    pub fn cut(&self, cut: f32) -> Vec<usize> {
        let m = self.rows;
        if m < 2 {
            return vec![0; m];
        }
        // Monotone linkages have no inversions, so the merges at or below the cut are
        // closed under "child of": a union over them, in any order, is the flat cut.
        let mut sets = UnionFind::new(2 * m - 1);
        for (i, &(a, b, height)) in self.merges.iter().enumerate() {
            if height <= cut {
                sets.union(a, m + i);
                sets.union(b, m + i);
            }
        }
        (0..m).map(|i| sets.find(i)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Condensed distances of points on a line.
    fn line(xs: &[f32]) -> impl Fn(&[usize]) -> Vec<f32> + Sync + '_ {
        move |rows: &[usize]| {
            let mut d = Vec::new();
            for (a, &i) in rows.iter().enumerate() {
                for &j in &rows[a + 1..] {
                    d.push((xs[i] - xs[j]).abs());
                }
            }
            d
        }
    }

    #[test]
    fn complete_linkage_splits_a_chain_that_average_keeps() {
        // 0 - 1 - 2 at steps of 1: every neighbour within 1.2, the ends 2 apart.
        let xs = [0.0, 1.0, 2.0];
        let all = vec![vec![0, 1, 2]];
        let avg = cut(3, &all, Linkage::Average, 1.6, line(&xs));
        assert!(
            avg.iter().all(|&l| l == avg[0]),
            "average joins all: {avg:?}"
        );
        let comp = cut(3, &all, Linkage::Complete, 1.6, line(&xs));
        let distinct: std::collections::BTreeSet<_> = comp.iter().collect();
        assert_eq!(distinct.len(), 2, "complete splits the chain: {comp:?}");
    }

    #[test]
    fn components_are_cut_apart_and_outsiders_stay_alone() {
        let xs = [0.0, 0.1, 5.0, 5.1, 9.0];
        let labels = cut(
            5,
            &[vec![0, 1], vec![2, 3]],
            Linkage::Complete,
            0.5,
            line(&xs),
        );
        assert_eq!(labels[0], labels[1]);
        assert_eq!(labels[2], labels[3]);
        assert_ne!(labels[0], labels[2]);
        assert!(labels[4] != labels[0] && labels[4] != labels[2]);
    }
}
