//! Pairwise cosine similarities of unit vectors, computed in parallel.

use super::Points;
#[cfg(doc)]
use crate::text::lexical::TermVector;
use ndarray::{s, ArrayView1, ArrayView2};
use rayon::prelude::*;

/// Cosine of two unit vectors (their dot product), with NaN mapped to 0 so a
/// degenerate vector can never poison a sort or a linkage.
pub fn cosine(a: ArrayView1<f32>, b: ArrayView1<f32>) -> f32 {
    let c = a.dot(&b);
    if c.is_nan() {
        0.0
    } else {
        c.clamp(-1.0, 1.0)
    }
}

/// Offset of pair `(i, j)`, `i < j`, in a condensed upper-triangle matrix of `n` rows.
pub fn condensed_index(n: usize, i: usize, j: usize) -> usize {
    debug_assert!(i < j && j < n);
    i * n - i * (i + 1) / 2 + (j - i - 1)
}

/// Condensed cosine-distance matrix (`1 - cos`, in `[0, 2]`), the input kodama expects.
pub fn condensed_distances(vectors: ArrayView2<f32>) -> Vec<f32> {
    condensed_hybrid(&Points::new(vectors), 0.0)
}

/// Rows whose similarities come from one matrix product: `BLOCK × n` floats at a time.
pub const BLOCK: usize = 256;

/// Number of row blocks [`hybrid_rows`] visits for `n` rows.
pub fn blocks(n: usize) -> usize {
    n.div_ceil(BLOCK)
}

/// The one similarity engine: the hybrid similarity `cos + weight × tfidf` of every
/// pair `(i, j)`, `i < j`, handed to `visit(state, i, sims)` row by row, where
/// `sims[k]` is the similarity of `i` with `i + 1 + k`.
///
/// Cosines come from one matrix product per block of [`BLOCK`] rows (a fast sgemm,
/// where a dot call per pair spent most of the time in scalar loops), NaN mapped to 0
/// and clamped to `[-1, 1]` so a degenerate vector can never poison a sort or a
/// linkage. The TF-IDF cosines of a row with every later row go through the inverted
/// index, so only rows sharing a term are touched; terms are visited in id order, the
/// order of [`TermVector::dot`], so every caller sees the same floats. `states[b]` is
/// the state of block `b` (rows `b × BLOCK ..`); blocks run in parallel, each on one
/// thread, so the result does not depend on the thread count. Blocks without a state
/// are not visited.
///
/// The lexical term of a pair whose cosine is below `lexical_from` is left out (0):
/// a caller that only wants pairs above a threshold passes `threshold - weight`, and
/// is spared the inverted index walk over every row sharing a common word. Its value
/// is the same float either way (`TermVector::dot` sums in the same order).
pub fn hybrid_rows<S, F>(
    points: &Points,
    weight: f32,
    lexical_from: f32,
    states: Vec<S>,
    visit: F,
) -> Vec<S>
where
    S: Send,
    F: Fn(&mut S, usize, &[f32]) + Sync,
{
    let vectors = points.vectors;
    let terms = points.terms;
    let n = vectors.nrows();
    let lexical = weight > 0.0 && !terms.is_empty();
    // Every pair needs its lexical term: one walk of the inverted index per row.
    let every_pair = lexical_from == f32::NEG_INFINITY;
    let index = if lexical && every_pair {
        crate::text::lexical::postings(terms)
    } else {
        Vec::new()
    };
    states
        .into_par_iter()
        .enumerate()
        .map(|(b, mut state)| {
            let r0 = b * BLOCK;
            if r0 >= n {
                return state;
            }
            let r1 = (r0 + BLOCK).min(n);
            let sims = vectors
                .slice(s![r0..r1, ..])
                .dot(&vectors.slice(s![r0.., ..]).t());
            let mut row: Vec<f32> = Vec::with_capacity(n - r0);
            let mut lex: Vec<f32> = Vec::with_capacity(n - r0);
            for bi in 0..r1 - r0 {
                let i = r0 + bi;
                // Column c of `sims` is row r0 + c; row i's pairs start at j = i + 1.
                row.clear();
                row.extend(sims.slice(s![bi, bi + 1..]).iter().map(|&cos| {
                    if cos.is_nan() {
                        0.0
                    } else {
                        cos.clamp(-1.0, 1.0)
                    }
                }));
                if lexical && !every_pair {
                    for (k, slot) in row.iter_mut().enumerate() {
                        if *slot >= lexical_from {
                            *slot += weight * terms[i].dot(&terms[i + 1 + k]);
                        }
                    }
                } else if lexical {
                    lex.clear();
                    lex.resize(row.len(), 0.0);
                    for &(id, w) in &terms[i].0 {
                        let posting = &index[id as usize];
                        let start = posting.partition_point(|&(j, _)| j <= i);
                        for &(j, wj) in &posting[start..] {
                            lex[j - i - 1] += w * wj;
                        }
                    }
                    for (slot, &l) in row.iter_mut().zip(&lex) {
                        *slot += weight * l;
                    }
                }
                visit(&mut state, i, &row);
            }
            state
        })
        .collect()
}

/// Condensed distance matrix `(1 + weight) - hybrid`, never negative: [`hybrid_rows`]
/// written into kodama's layout.
pub fn condensed_hybrid(points: &Points, weight: f32) -> Vec<f32> {
    let n = points.vectors.nrows();
    let len = n * n.saturating_sub(1) / 2;
    let mut out = vec![0f32; len];
    // One slice per row, grouped by block, so blocks can be written concurrently.
    let mut states: Vec<Vec<&mut [f32]>> = (0..blocks(n)).map(|_| Vec::new()).collect();
    let mut rest = out.as_mut_slice();
    for i in 0..n {
        let (row, tail) = rest.split_at_mut(n - i - 1);
        states[i / BLOCK].push(row);
        rest = tail;
    }
    hybrid_rows(
        points,
        weight,
        f32::NEG_INFINITY,
        states,
        |rows, i, sims| {
            for (slot, &sim) in rows[i % BLOCK].iter_mut().zip(sims) {
                *slot = (1.0 + weight) - sim;
            }
        },
    );
    out
}

/// Sum of the given rows, accumulated in f64 so large themes stay exact enough.
fn row_sum(vectors: ArrayView2<f32>, rows: &[usize]) -> Vec<f64> {
    let mut sum = vec![0f64; vectors.ncols()];
    for &r in rows {
        for (s, &x) in sum.iter_mut().zip(vectors.row(r)) {
            *s += f64::from(x);
        }
    }
    sum
}

fn dot64(a: &[f64], b: ArrayView1<f32>) -> f64 {
    a.iter().zip(b).map(|(x, &y)| x * f64::from(y)).sum()
}

/// Mean pairwise cosine of the given rows (1.0 for fewer than two rows).
///
/// For unit vectors, the sum over ordered pairs is `|Σv|² - m`, so this is
/// linear in the theme size: a copy-paste campaign of 50,000 identical
/// statements costs 50,000 row reads, not a billion dot products.
pub fn mean_pairwise(vectors: ArrayView2<f32>, rows: &[usize]) -> f32 {
    let m = rows.len();
    if m < 2 {
        return 1.0;
    }
    let sum = row_sum(vectors, rows);
    let norms: f64 = rows
        .iter()
        .map(|&r| f64::from(vectors.row(r).dot(&vectors.row(r))))
        .sum();
    let total: f64 = sum.iter().map(|x| x * x).sum();
    ((total - norms) / (m * (m - 1)) as f64) as f32
}

/// Scores closer than this are a tie: far below any real difference between cosine sums,
/// far above f64 rounding.
const MEDOID_TIE: f64 = 1e-9;

/// The medoid among `candidates`: the row with the highest summed cosine to the other
/// `rows` (`v · Σrows - v · v`, linear in the theme size); ties go to the earliest candidate.
///
/// Leaving out each row's cosine with itself matters for small themes: in a theme of two,
/// both rows have the same score, and with the self term the pick would fall to whichever
/// vector's norm is a rounding error larger.
pub fn medoid(vectors: ArrayView2<f32>, rows: &[usize], candidates: &[usize]) -> Option<usize> {
    let sum = row_sum(vectors, rows);
    let mut best: Option<(usize, f64)> = None;
    for &c in candidates {
        let v = vectors.row(c);
        let own: f64 = v.iter().map(|&x| f64::from(x) * f64::from(x)).sum();
        let score = dot64(&sum, v) - own;
        if best.is_none_or(|(_, s)| score > s + MEDOID_TIE) {
            best = Some((c, score));
        }
    }
    best.map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn a_theme_of_two_takes_its_first_row_whatever_the_norms() {
        // Unit vectors up to rounding: the second is a hair longer. Both have the same
        // cosine to the other, so the earlier row is the medoid.
        let v = array![[0.6f32, 0.8], [0.8, 0.600_000_1]];
        assert_eq!(medoid(v.view(), &[0, 1], &[0, 1]), Some(0));
        assert_eq!(medoid(v.view(), &[0, 1], &[1, 0]), Some(1));
    }

    #[test]
    fn condensed_layout_matches_index() {
        let v = array![[1.0f32, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.6, 0.8]];
        let d = condensed_distances(v.view());
        assert_eq!(d.len(), 6);
        assert!((d[condensed_index(4, 0, 1)] - 1.0).abs() < 1e-6);
        assert!((d[condensed_index(4, 0, 2)] - 2.0).abs() < 1e-6);
        assert!((d[condensed_index(4, 0, 3)] - 0.4).abs() < 1e-6);
        assert!((d[condensed_index(4, 2, 3)] - 1.6).abs() < 1e-6);
    }

    #[test]
    fn medoid_prefers_central_row() {
        let v = array![[1.0f32, 0.0], [0.8, 0.6], [0.6, 0.8]];
        assert_eq!(medoid(v.view(), &[0, 1, 2], &[0, 1, 2]), Some(1));
        assert!((mean_pairwise(v.view(), &[0]) - 1.0).abs() < 1e-6);
        // (0.8 + 0.6 + 0.96) / 3, the pairwise mean computed the long way.
        assert!((mean_pairwise(v.view(), &[0, 1, 2]) - 0.786_666).abs() < 1e-5);
    }
}
