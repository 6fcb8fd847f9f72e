//! Pairwise cosine similarities of unit vectors, computed in parallel.

use crate::lexical::TermVector;
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
    condensed_hybrid(vectors, &[], 0.0)
}

/// Rows whose similarities come from one matrix product: `BLOCK × n` floats at a time.
const BLOCK: usize = 256;

/// Condensed distance matrix `(1 + weight) - hybrid`, never negative.
///
/// Cosines come from one matrix product per block of rows (a fast sgemm, where
/// a dot call per pair spent most of the time in scalar loops); blocks are
/// filled in parallel, each by one thread, so the result does not depend on
/// the thread count.
pub fn condensed_hybrid(vectors: ArrayView2<f32>, terms: &[TermVector], weight: f32) -> Vec<f32> {
    let n = vectors.nrows();
    let len = n * n.saturating_sub(1) / 2;
    let mut out = vec![0f32; len];
    // Split the buffer into one slice per row, then group rows into blocks, so
    // blocks can be written concurrently.
    let mut blocks: Vec<(usize, Vec<&mut [f32]>)> = Vec::new();
    let mut rest = out.as_mut_slice();
    for i in 0..n.saturating_sub(1) {
        let (row, tail) = rest.split_at_mut(n - i - 1);
        if i % BLOCK == 0 {
            blocks.push((i, Vec::with_capacity(BLOCK)));
        }
        if let Some((_, rows)) = blocks.last_mut() {
            rows.push(row);
        }
        rest = tail;
    }
    let lexical = weight > 0.0 && !terms.is_empty();
    let index = if lexical {
        crate::lexical::postings(terms)
    } else {
        Vec::new()
    };
    blocks.into_par_iter().for_each(|(r0, rows)| {
        let r1 = r0 + rows.len();
        let sims = vectors
            .slice(s![r0..r1, ..])
            .dot(&vectors.slice(s![r0.., ..]).t());
        for (bi, row) in rows.into_iter().enumerate() {
            let i = r0 + bi;
            // Column c of `sims` is row r0 + c; row i's pairs start at j = i + 1.
            let cosines = sims.slice(s![bi, bi + 1..]);
            // TF-IDF cosines of row i with every later row, through the inverted
            // index: only rows sharing a term are touched. Terms are visited in id
            // order, the same order as `TermVector::dot`, so the sums are identical.
            let mut lex = vec![0f32; row.len()];
            if lexical {
                for &(id, w) in &terms[i].0 {
                    let posting = &index[id as usize];
                    let start = posting.partition_point(|&(j, _)| j <= i);
                    for &(j, wj) in &posting[start..] {
                        lex[j - i - 1] += w * wj;
                    }
                }
            }
            for ((slot, &cos), &l) in row.iter_mut().zip(cosines).zip(&lex) {
                let cos = if cos.is_nan() {
                    0.0
                } else {
                    cos.clamp(-1.0, 1.0)
                };
                *slot = (1.0 + weight) - (cos + weight * l);
            }
        }
    });
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
