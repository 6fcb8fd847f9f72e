//! The f32 matrix product on AVX2 + FMA, with the weights packed once at load.
//!
//! The `gemm` crate packs both operands at every call and sizes its blocks for large
//! matrices; the encoder multiplies a few hundred rows by the same six weights again and
//! again. Here each weight is laid out once as panels of 16 output columns (`k × 16`,
//! contiguous), and a 6 × 16 block of the result is kept in twelve of the sixteen `ymm`
//! registers while the shared dimension is walked: per step two panel loads and six
//! broadcasts feed twelve FMAs. Blocks of [`KC`] steps keep a panel slice in L1 and blocks
//! of [`MC`] rows keep the activations in L2.
//!
//! Each value of the result is one FMA chain over the shared dimension in order (a later
//! block of steps continues from the stored partial sum), so a row gets the same bits
//! whichever rows it is multiplied with.

/// Output columns per panel: two `ymm` registers of f32.
const NR: usize = 16;
/// Rows per register block.
const MR: usize = 6;
/// Steps of the shared dimension per block: a panel slice of 16 KiB stays in L1.
const KC: usize = 256;
/// Rows per block of activations: 96 × 256 floats (96 KiB) stay in L2.
const MC: usize = 96;

/// A weight matrix `w` (`n × k`, a PyTorch `Linear` weight) as panels of 16 columns of `wᵀ`.
#[derive(Debug, Clone)]
pub struct Weights {
    n: usize,
    k: usize,
    /// Panel `j` is `k × 16`: element `(p, c)` is `w[16j + c][p]`, zero past column `n`.
    panels: Vec<f32>,
}

impl Weights {
    /// Lay out `w` (`n × k`, row-major) in panels.
    pub fn pack(w: &[f32], n: usize, k: usize) -> Weights {
        let count = n.div_ceil(NR);
        let mut panels = vec![0f32; count * k * NR];
        for (j, panel) in panels.chunks_exact_mut(k * NR).enumerate() {
            for c in 0..NR.min(n - j * NR) {
                let row = &w[(j * NR + c) * k..(j * NR + c + 1) * k];
                for (p, &x) in row.iter().enumerate() {
                    panel[p * NR + c] = x;
                }
            }
        }
        Weights { n, k, panels }
    }

    /// Output width.
    pub fn n(&self) -> usize {
        self.n
    }

    /// Shared width.
    pub fn k(&self) -> usize {
        self.k
    }

    /// `x · wᵀ` for `x` of `rows × k` (row-major): `rows × n` floats, row-major.
    ///
    /// # Panics
    /// If the CPU lacks AVX2 or FMA, or `x` is shorter than `rows × k`: callers check both.
    pub fn matmul(&self, x: &[f32], rows: usize) -> Vec<f32> {
        assert!(
            super::isa::has_avx2(),
            "AVX2 matmul called on a CPU without AVX2 and FMA"
        );
        assert!(x.len() >= rows * self.k, "AVX2 matmul: input too short");
        let mut out = Vec::with_capacity(rows * self.n);
        // SAFETY: AVX2 and FMA are present (asserted); `x` holds `rows × k` floats and `out`
        // has room for `rows × n`, the extents `product` walks. Its first block of steps
        // stores every value of the result (k > 0 for any real layer; with k = 0 there is
        // nothing to store and `rows × n` must be 0 for `set_len`, see the guard).
        unsafe {
            if self.k == 0 {
                out.resize(rows * self.n, 0.0);
            } else {
                product(self, x, rows, out.as_mut_ptr());
                out.set_len(rows * self.n);
            }
        }
        out
    }
}

/// `out = x · wᵀ`, blocked as the module describes.
///
/// # Safety
/// The CPU must have AVX2 and FMA; `x` must hold `rows × w.k` floats and `out` `rows × w.n`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn product(w: &Weights, x: &[f32], rows: usize, out: *mut f32) {
    let (n, k) = (w.n, w.k);
    for k0 in (0..k).step_by(KC) {
        let kc = KC.min(k - k0);
        for r0 in (0..rows).step_by(MC) {
            let mc = MC.min(rows - r0);
            for (j, panel) in w.panels.chunks_exact(k * NR).enumerate() {
                let cols = NR.min(n - j * NR);
                let b = panel.as_ptr().add(k0 * NR);
                for r in (r0..r0 + mc).step_by(MR) {
                    let a = x.as_ptr().add(r * k + k0);
                    let c = out.add(r * n + j * NR);
                    let first = k0 == 0;
                    match (r0 + mc - r).min(MR) {
                        6 => block::<6>(a, k, b, kc, c, n, cols, first),
                        5 => block::<5>(a, k, b, kc, c, n, cols, first),
                        4 => block::<4>(a, k, b, kc, c, n, cols, first),
                        3 => block::<3>(a, k, b, kc, c, n, cols, first),
                        2 => block::<2>(a, k, b, kc, c, n, cols, first),
                        _ => block::<1>(a, k, b, kc, c, n, cols, first),
                    }
                }
            }
        }
    }
}

#[cfg(not(target_arch = "x86_64"))]
unsafe fn product(_: &Weights, _: &[f32], _: usize, _: *mut f32) {
    unreachable!("AVX2 is only available on x86_64")
}

/// `c[R × cols] (+)= a[R × kc] · b[kc × 16]`: `a` rows `lda` apart, `b` a panel slice, `c`
/// rows `ldc` apart. The sums start from zero when `first`, else from what `c` holds.
///
/// # Safety
/// AVX2 and FMA; `a`, `b` and `c` must hold the extents above.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
#[allow(clippy::too_many_arguments)]
#[inline]
unsafe fn block<const R: usize>(
    a: *const f32,
    lda: usize,
    b: *const f32,
    kc: usize,
    c: *mut f32,
    ldc: usize,
    cols: usize,
    first: bool,
) {
    use std::arch::x86_64::*;
    let mut acc = [[_mm256_setzero_ps(); 2]; R];
    if !first {
        for (r, acc) in acc.iter_mut().enumerate() {
            let row = c.add(r * ldc);
            if cols == NR {
                acc[0] = _mm256_loadu_ps(row);
                acc[1] = _mm256_loadu_ps(row.add(8));
            } else {
                // A partial panel: through a buffer, so nothing past the row is read.
                let mut part = [0f32; NR];
                for (i, v) in part.iter_mut().enumerate().take(cols) {
                    *v = *row.add(i);
                }
                acc[0] = _mm256_loadu_ps(part.as_ptr());
                acc[1] = _mm256_loadu_ps(part.as_ptr().add(8));
            }
        }
    }
    for p in 0..kc {
        let b0 = _mm256_loadu_ps(b.add(p * NR));
        let b1 = _mm256_loadu_ps(b.add(p * NR + 8));
        for (r, acc) in acc.iter_mut().enumerate() {
            let ar = _mm256_broadcast_ss(&*a.add(r * lda + p));
            acc[0] = _mm256_fmadd_ps(ar, b0, acc[0]);
            acc[1] = _mm256_fmadd_ps(ar, b1, acc[1]);
        }
    }
    for (r, acc) in acc.iter().enumerate() {
        if cols == NR {
            _mm256_storeu_ps(c.add(r * ldc), acc[0]);
            _mm256_storeu_ps(c.add(r * ldc + 8), acc[1]);
        } else {
            let mut part = [0f32; NR];
            _mm256_storeu_ps(part.as_mut_ptr(), acc[0]);
            _mm256_storeu_ps(part.as_mut_ptr().add(8), acc[1]);
            for (i, &v) in part.iter().enumerate().take(cols) {
                *c.add(r * ldc + i) = v;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn product_matches_f64_and_rows_do_not_depend_on_their_neighbours() {
        if !super::super::isa::has_avx2() {
            eprintln!("skipped: this CPU has no AVX2 + FMA");
            return;
        }
        // Odd shapes: a partial panel, a partial row block, several blocks of steps.
        for (rows, n, k) in [(45, 40, 600), (7, 16, 3), (100, 48, 256)] {
            let x: Vec<f32> = (0..rows * k)
                .map(|i| ((i * 37 % 101) as f32 - 50.0) / 37.0)
                .collect();
            let w: Vec<f32> = (0..n * k)
                .map(|i| ((i * 53 % 97) as f32 - 48.0) / 97.0)
                .collect();
            let packed = Weights::pack(&w, n, k);
            let got = packed.matmul(&x, rows);
            for r in 0..rows {
                for j in 0..n {
                    let exact: f64 = (0..k)
                        .map(|i| x[r * k + i] as f64 * w[j * k + i] as f64)
                        .sum();
                    let scale: f64 = (0..k)
                        .map(|i| (x[r * k + i] as f64 * w[j * k + i] as f64).abs())
                        .sum();
                    let err = (got[r * n + j] as f64 - exact).abs() / scale.max(1e-30);
                    assert!(err < 1e-6, "{rows}x{n}x{k} at ({r}, {j}): {err}");
                }
            }
            let last = rows - 1;
            let alone = packed.matmul(&x[last * k..], 1);
            assert_eq!(&got[last * n..], &alone[..], "{rows}x{n}x{k}");
        }
    }
}
