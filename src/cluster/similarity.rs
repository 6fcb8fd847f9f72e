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

/// Theme similarity of rows `i` and `j`: cosine plus `weight` times the TF-IDF
/// cosine (when term vectors are given).
pub fn hybrid(
    vectors: ArrayView2<f32>,
    terms: &[TermVector],
    weight: f32,
    i: usize,
    j: usize,
) -> f32 {
    let lexical = if weight > 0.0 && !terms.is_empty() {
        weight * terms[i].dot(&terms[j])
    } else {
        0.0
    };
    cosine(vectors.row(i), vectors.row(j)) + lexical
}

/// Condensed distance matrix `(1 + weight) - hybrid`, never negative; rows are
/// filled in parallel, each by one thread, so the result is identical whatever
/// the thread count.
pub fn condensed_hybrid(vectors: ArrayView2<f32>, terms: &[TermVector], weight: f32) -> Vec<f32> {
    let n = vectors.nrows();
    let len = n * n.saturating_sub(1) / 2;
    let mut out = vec![0f32; len];
    // Split the buffer into one slice per row so rows can be written concurrently.
    let mut rows: Vec<(usize, &mut [f32])> = Vec::with_capacity(n);
    let mut rest = out.as_mut_slice();
    for i in 0..n.saturating_sub(1) {
        let (row, tail) = rest.split_at_mut(n - i - 1);
        rows.push((i, row));
        rest = tail;
    }
    let lexical = weight > 0.0 && !terms.is_empty();
    rows.into_par_iter().for_each(|(i, row)| {
        // One matrix-vector product per row instead of a dot call per pair.
        let cosines = vectors.slice(s![i + 1.., ..]).dot(&vectors.row(i));
        for (k, (slot, &cos)) in row.iter_mut().zip(&cosines).enumerate() {
            let cos = if cos.is_nan() {
                0.0
            } else {
                cos.clamp(-1.0, 1.0)
            };
            let lex = if lexical {
                weight * terms[i].dot(&terms[i + 1 + k])
            } else {
                0.0
            };
            *slot = (1.0 + weight) - (cos + lex);
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

/// The medoid among `candidates`: the row with the highest summed cosine to all of
/// `rows` (`v · Σrows`, linear in the theme size); ties go to the earliest candidate.
pub fn medoid(vectors: ArrayView2<f32>, rows: &[usize], candidates: &[usize]) -> Option<usize> {
    let sum = row_sum(vectors, rows);
    let mut best: Option<(usize, f64)> = None;
    for &c in candidates {
        let score = dot64(&sum, vectors.row(c));
        if best.is_none_or(|(_, s)| score > s) {
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
