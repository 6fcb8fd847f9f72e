//! A 2-D map of the statements: the first two principal components of their
//! embeddings, for the HTML report.
//!
//! PCA by power iteration on the 384 x 384 covariance is a few milliseconds
//! for thousands of statements and, unlike a randomised SVD, gives the same
//! picture on every run: the start vector is fixed and each component's sign
//! is chosen so that its largest loading is positive.

use crate::rank::Theme;
use ndarray::{Array1, Array2, ArrayView2, Axis};
use std::collections::HashMap;

/// Power iterations per component; convergence is checked earlier.
const MAX_ITERATIONS: usize = 500;

/// Stop when the component moves less than this between iterations.
const TOLERANCE: f64 = 1e-10;

/// One statement placed on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapPoint {
    /// First principal component score.
    pub x: f64,
    /// Second principal component score.
    pub y: f64,
    /// Id of the theme (recurring or unique) the statement belongs to.
    pub theme: String,
    /// Id of the statement.
    pub statement: String,
}

/// Place every statement of `themes` on the plane of the first two principal
/// components of `vectors`; `ids[i]` names the statement of row `i`.
pub fn project<'a>(
    vectors: ArrayView2<f32>,
    ids: &[String],
    themes: impl IntoIterator<Item = &'a Theme>,
) -> Vec<MapPoint> {
    let theme_of: HashMap<&str, &str> = themes
        .into_iter()
        .flat_map(|t| {
            t.statements
                .iter()
                .map(move |s| (s.id.as_str(), t.id.as_str()))
        })
        .collect();
    let coords = pca2(vectors);
    ids.iter()
        .zip(coords)
        .filter_map(|(id, (x, y))| {
            theme_of.get(id.as_str()).map(|theme| MapPoint {
                x,
                y,
                theme: theme.to_string(),
                statement: id.clone(),
            })
        })
        .collect()
}

/// Scores of each row on the first two principal components (zeros when the
/// rows do not vary).
pub fn pca2(vectors: ArrayView2<f32>) -> Vec<(f64, f64)> {
    let n = vectors.nrows();
    if n == 0 {
        return Vec::new();
    }
    let x: Array2<f64> = vectors.mapv(f64::from);
    let mean = x
        .mean_axis(Axis(0))
        .unwrap_or_else(|| Array1::zeros(x.ncols()));
    let centred = &x - &mean;
    let cov = centred.t().dot(&centred);
    let first = leading_eigenvector(&cov, &[]);
    let second = leading_eigenvector(&cov, std::slice::from_ref(&first));
    let a = centred.dot(&first);
    let b = centred.dot(&second);
    a.iter().zip(b.iter()).map(|(&a, &b)| (a, b)).collect()
}

/// The dominant eigenvector of the symmetric matrix `m`, orthogonal to
/// `exclude`, by power iteration; zero when nothing is left.
fn leading_eigenvector(m: &Array2<f64>, exclude: &[Array1<f64>]) -> Array1<f64> {
    let d = m.nrows();
    // A fixed, non-degenerate start so runs agree; a constant vector could be
    // orthogonal to the component by symmetry of the data.
    let mut v: Array1<f64> = (0..d).map(|i| 1.0 + (i as f64 * 0.618).fract()).collect();
    orthogonalise(&mut v, exclude);
    if !normalise(&mut v) {
        return Array1::zeros(d);
    }
    for _ in 0..MAX_ITERATIONS {
        let mut next = m.dot(&v);
        orthogonalise(&mut next, exclude);
        if !normalise(&mut next) {
            return Array1::zeros(d);
        }
        let moved = (&next - &v).mapv(|e| e * e).sum();
        v = next;
        if moved < TOLERANCE {
            break;
        }
    }
    fix_sign(&mut v);
    v
}

fn orthogonalise(v: &mut Array1<f64>, against: &[Array1<f64>]) {
    for u in against {
        let p = v.dot(u);
        v.scaled_add(-p, u);
    }
}

/// Scale to unit length; false when the vector is (numerically) zero.
fn normalise(v: &mut Array1<f64>) -> bool {
    let norm = v.dot(v).sqrt();
    // NaN from a bad vector counts as zero rather than spreading through the map.
    if norm.is_nan() || norm <= 1e-12 {
        return false;
    }
    *v /= norm;
    true
}

/// An eigenvector's sign is arbitrary; pin it so the map never flips.
fn fix_sign(v: &mut Array1<f64>) {
    let largest = v.iter().copied().fold(
        0.0_f64,
        |best, e| if e.abs() > best.abs() { e } else { best },
    );
    if largest < 0.0 {
        v.mapv_inplace(|e| -e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn points_on_a_line_spread_on_x_only() {
        let v = array![
            [0.0f32, 0.0, 0.0],
            [1.0, 2.0, 0.0],
            [2.0, 4.0, 0.0],
            [3.0, 6.0, 0.0]
        ];
        let p = pca2(v.view());
        let xs: Vec<f64> = p.iter().map(|q| q.0).collect();
        assert!(xs.windows(2).all(|w| w[1] > w[0]), "{xs:?}");
        assert!(p.iter().all(|q| q.1.abs() < 1e-6), "{p:?}");
        // Centred: the scores sum to zero; spread equals the points' distance.
        assert!(xs.iter().sum::<f64>().abs() < 1e-9);
        assert!((xs[3] - xs[0] - 45f64.sqrt()).abs() < 1e-6);
    }

    #[test]
    fn second_component_is_orthogonal_and_smaller() {
        let v = array![[2.0f32, 0.0], [-2.0, 0.0], [0.0, 1.0], [0.0, -1.0]];
        let p = pca2(v.view());
        let var = |f: fn(&(f64, f64)) -> f64| p.iter().map(|q| f(q).powi(2)).sum::<f64>();
        assert!((var(|q| q.0) - 8.0).abs() < 1e-6);
        assert!((var(|q| q.1) - 2.0).abs() < 1e-6);
    }

    #[test]
    fn degenerate_inputs_give_zeros_not_panics() {
        assert!(pca2(Array2::<f32>::zeros((0, 4)).view()).is_empty());
        assert_eq!(pca2(array![[1.0f32, 2.0]].view()), vec![(0.0, 0.0)]);
        let same = array![[1.0f32, 1.0], [1.0, 1.0]];
        assert_eq!(pca2(same.view()), vec![(0.0, 0.0), (0.0, 0.0)]);
    }

    #[test]
    fn projection_is_deterministic_and_sign_stable() {
        let v = array![
            [1.0f32, 0.5, 0.2],
            [-1.0, 0.1, 0.3],
            [0.2, -0.7, 0.9],
            [0.4, 0.4, -1.0]
        ];
        let a = pca2(v.view());
        let b = pca2(v.view());
        assert_eq!(a, b);
        let negated = v.mapv(|e| -e);
        let c = pca2(negated.view());
        // Flipping the data flips the scores, but the components' signs are
        // pinned by their loadings, so the picture is a point reflection.
        for (p, q) in a.iter().zip(&c) {
            assert!((p.0 + q.0).abs() < 1e-6 && (p.1 + q.1).abs() < 1e-6);
        }
    }
}
