//! The arithmetic of MiniLM's encoder on plain slices: GELU, residual + layer norm,
//! attention over packed sequences, mean pooling, and the f32 matrix product.
//!
//! Each element-wise function loops over whole buffers and is compiled three times (AVX-512,
//! AVX2, baseline), the clone run being the [`Isa`] the model was loaded with, so the compiler
//! can vectorise the inner loops. Sums run over fixed lanes and products are never fused into
//! FMAs, so every clone rounds the same way and results do not depend on the CPU's vector
//! width. The matrix product does depend on it, which is why the model id names the ISA.

use std::ops::Range;

use super::isa::{has_avx2, has_avx512, Isa};

/// Compile the body of `pub fn name(args) -> ret` for AVX-512, AVX2 and the baseline, and
/// define `name(isa, args)` running the clone of `isa`. The CPU is checked again at each
/// call (a cached flag), so a clone only ever runs where its instructions exist; the
/// baseline stands in otherwise, with the same results.
macro_rules! per_isa {
    ($(#[$attr:meta])* pub fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $(-> $ret:ty)? $body:block) => {
        $(#[$attr])*
        pub fn $name(isa: Isa, $($arg: $ty),*) $(-> $ret)? {
            #[inline(always)]
            fn portable($($arg: $ty),*) $(-> $ret)? $body

            #[cfg(target_arch = "x86_64")]
            #[target_feature(enable = "avx2,fma")]
            fn avx2($($arg: $ty),*) $(-> $ret)? {
                portable($($arg),*)
            }

            #[cfg(target_arch = "x86_64")]
            #[target_feature(enable = "avx512f,avx512bw,avx512vl,avx2,fma")]
            fn avx512($($arg: $ty),*) $(-> $ret)? {
                portable($($arg),*)
            }

            match isa {
                // SAFETY: the guard checked that this CPU has the clone's instructions.
                #[cfg(target_arch = "x86_64")]
                Isa::Avx512 | Isa::Amx if has_avx512() => unsafe { avx512($($arg),*) },
                // SAFETY: as above.
                #[cfg(target_arch = "x86_64")]
                Isa::Avx2 if has_avx2() => unsafe { avx2($($arg),*) },
                _ => portable($($arg),*),
            }
        }
    };
}

/// Lanes of the partial sums: one AVX-512 register of f32.
const LANES: usize = 16;

/// `e^x`, accurate to about one unit in the last place; branch-free so it vectorises.
#[inline(always)]
fn exp(x: f32) -> f32 {
    // Cody-Waite: x = n ln2 + r with |r| <= ln2/2, ln2 split so n*LN2_HI is exact.
    const LOG2E: f32 = std::f32::consts::LOG2_E;
    const LN2_HI: f32 = 0.693_359_4;
    const LN2_LO: f32 = -2.121_944_4e-4;
    let x = x.clamp(-87.0, 88.0);
    let n = (x * LOG2E + 0.5).floor();
    let r = x - n * LN2_HI - n * LN2_LO;
    // Taylor series of e^r to r^6: the remainder is below 1.2e-7 relative on |r| <= 0.35.
    let p = 1.0
        + r * (1.0
            + r * (0.5
                + r * (1.0 / 6.0 + r * (1.0 / 24.0 + r * (1.0 / 120.0 + r * (1.0 / 720.0))))));
    // 2^n by building the exponent bits; the clamp keeps n within [-126, 127]. Adding
    // 1.5 * 2^23 leaves n in the low mantissa bits: an integer conversion that vectorises,
    // where `as i32` (saturating) would not.
    const SHIFTER: f32 = 12_582_912.0;
    let n_bits = (n + SHIFTER).to_bits().wrapping_sub(SHIFTER.to_bits());
    p * f32::from_bits(n_bits.wrapping_add(127) << 23)
}

/// GELU with the exact (erf) form BERT uses: `x Φ(x)`.
///
/// `Φ(x) = erfc(-x/√2) / 2`, with erfc from Abramowitz & Stegun 7.1.26 (absolute error below
/// 1.5e-7). Computing erfc of `|x|/√2` directly keeps full relative accuracy for negative x,
/// where `1 - erf` would cancel.
#[inline(always)]
fn gelu(x: f32) -> f32 {
    const P: f32 = 0.327_591_1;
    const A: [f32; 5] = [
        0.254_829_6,
        -0.284_496_74,
        1.421_413_7,
        -1.453_152_1,
        1.061_405_4,
    ];
    let z = x.abs() * std::f32::consts::FRAC_1_SQRT_2;
    let t = 1.0 / (1.0 + P * z);
    let poly = t * (A[0] + t * (A[1] + t * (A[2] + t * (A[3] + t * A[4]))));
    let erfc = poly * exp(-z * z);
    let phi = if x >= 0.0 {
        1.0 - 0.5 * erfc
    } else {
        0.5 * erfc
    };
    x * phi
}

/// Sum of `f(x)` over `xs`, in [`LANES`] partial sums combined in a fixed order.
#[inline(always)]
fn lane_sum(xs: &[f32], f: impl Fn(f32) -> f32) -> f32 {
    let mut acc = [0f32; LANES];
    for c in xs.chunks(LANES) {
        for (a, &x) in acc.iter_mut().zip(c) {
            *a += f(x);
        }
    }
    acc.iter().sum()
}

/// Sum of `xs`.
#[inline(always)]
fn sum(xs: &[f32]) -> f32 {
    lane_sum(xs, |x| x)
}

/// Sum of the squares of `xs`.
#[inline(always)]
fn sum_squares(xs: &[f32]) -> f32 {
    lane_sum(xs, |x| x * x)
}

/// Largest value of `xs` (`-inf` when empty), over [`LANES`] partial maxima.
#[inline(always)]
fn max(xs: &[f32]) -> f32 {
    let mut acc = [f32::NEG_INFINITY; LANES];
    let chunks = xs.chunks_exact(LANES);
    let tail = chunks.remainder();
    for c in chunks {
        for (a, &x) in acc.iter_mut().zip(c) {
            *a = a.max(x);
        }
    }
    for (a, &x) in acc.iter_mut().zip(tail) {
        *a = a.max(x);
    }
    acc.iter().fold(f32::NEG_INFINITY, |m, &x| m.max(x))
}

per_isa! {
    /// `x[r] = gelu(x[r] + bias)` for every row `r` of width `bias.len()`, in place.
    pub fn bias_gelu(x: &mut [f32], bias: &[f32]) {
        for row in x.chunks_exact_mut(bias.len()) {
            for (v, &b) in row.iter_mut().zip(bias) {
                *v = gelu(*v + b);
            }
        }
    }
}

/// The affine part of a layer norm.
#[derive(Debug, Clone)]
pub struct Norm {
    /// Scale per column (`LayerNorm.weight`).
    pub gamma: Vec<f32>,
    /// Shift per column (`LayerNorm.bias`).
    pub beta: Vec<f32>,
    /// Added to the variance (`layer_norm_eps`).
    pub eps: f32,
}

per_isa! {
    /// `x[r] = norm(y[r] + bias + x[r])` for every row `r` of width `bias.len()`, in place: a
    /// dense layer's output `y` and bias, BERT's residual connection `x`, and its layer norm in
    /// one pass.
    pub fn bias_residual_norm(x: &mut [f32], y: &[f32], bias: &[f32], norm: &Norm) {
        let width = bias.len();
        for (xr, yr) in x.chunks_exact_mut(width).zip(y.chunks_exact(width)) {
            for ((v, &y), &b) in xr.iter_mut().zip(yr).zip(bias) {
                *v += y + b;
            }
            let mean = sum(xr) / width as f32;
            for v in xr.iter_mut() {
                *v -= mean;
            }
            let var = sum_squares(xr) / width as f32;
            let scale = 1.0 / (var + norm.eps).sqrt();
            for ((v, &g), &b) in xr.iter_mut().zip(&norm.gamma).zip(&norm.beta) {
                *v = *v * scale * g + b;
            }
        }
    }
}

/// Shape of multi-head self-attention.
#[derive(Debug, Clone, Copy)]
pub struct Heads {
    /// Number of heads.
    pub count: usize,
    /// Width of one head; `count * width` is the hidden size.
    pub width: usize,
}

per_isa! {
    /// Self-attention over packed sequences.
    ///
    /// `qkv` holds one row per token, `[query | key | value]` projections before their `bias`
    /// (width `3 × hidden`); `seqs` are the row ranges of each sequence. Each sequence attends
    /// only to itself, so there is no padding and no mask. Writes the context, one row per
    /// token (width `hidden`), into `out`.
    pub fn attention(
        qkv: &[f32],
        bias: &[f32],
        seqs: &[Range<usize>],
        heads: Heads,
        out: &mut [f32],
    ) {
        let hidden = heads.count * heads.width;
        let w = heads.width;
        let scale = 1.0 / (w as f32).sqrt();
        let longest = seqs.iter().map(|s| s.len()).max().unwrap_or(0);
        let blocks = longest.div_ceil(LANES);
        // Per head: queries (len × w, scaled) and values (len × w); keys in blocks of 16, each
        // block `w × 16` (key-major lanes, zero past the last key), so 16 scores are one vector.
        let mut q = vec![0f32; longest * w];
        let mut v = vec![0f32; longest * w];
        let mut k = vec![0f32; blocks * w * LANES];
        let mut scores = vec![0f32; blocks * LANES];
        for seq in seqs {
            let len = seq.len();
            let blocks = len.div_ceil(LANES);
            let rows = &qkv[seq.start * 3 * hidden..seq.end * 3 * hidden];
            let context = &mut out[seq.start * hidden..seq.end * hidden];
            for h in 0..heads.count {
                let (qc, kc, vc) = (h * w, hidden + h * w, 2 * hidden + h * w);
                let k = &mut k[..blocks * w * LANES];
                k.fill(0.0);
                for (i, row) in rows.chunks_exact(3 * hidden).enumerate() {
                    let (qi, vi) = (&mut q[i * w..(i + 1) * w], &mut v[i * w..(i + 1) * w]);
                    for ((o, &x), &b) in qi.iter_mut().zip(&row[qc..qc + w]).zip(&bias[qc..qc + w]) {
                        *o = (x + b) * scale;
                    }
                    for ((o, &x), &b) in vi.iter_mut().zip(&row[vc..vc + w]).zip(&bias[vc..vc + w]) {
                        *o = x + b;
                    }
                    let block = &mut k[(i / LANES) * w * LANES..][..w * LANES];
                    for (d, (&x, &b)) in row[kc..kc + w].iter().zip(&bias[kc..kc + w]).enumerate() {
                        block[d * LANES + i % LANES] = x + b;
                    }
                }
                for (i, query) in q[..len * w].chunks_exact(w).enumerate() {
                    for (block, s) in k
                        .chunks_exact(w * LANES)
                        .zip(scores.chunks_exact_mut(LANES))
                    {
                        s.copy_from_slice(&dot_16(query, block));
                    }
                    // Only the first `len` scores are keys; the rest is padding.
                    let s = &mut scores[..len];
                    let top = max(s);
                    for x in s.iter_mut() {
                        *x = exp(*x - top);
                    }
                    let inv = 1.0 / sum(s);
                    for x in s.iter_mut() {
                        *x *= inv;
                    }
                    let ctx = &mut context[i * hidden + h * w..][..w];
                    weighted_rows(s, &v[..len * w], ctx);
                }
            }
        }
    }
}

/// Dot products of `query` (width w) with the 16 keys of one block (`w × 16`, lane l is key
/// l): one vector of 16 sums, kept in a register while the width is walked.
#[inline(always)]
fn dot_16(query: &[f32], block: &[f32]) -> [f32; LANES] {
    let mut acc = [0f32; LANES];
    for (&qd, keys) in query.iter().zip(block.chunks_exact(LANES)) {
        for (a, &k) in acc.iter_mut().zip(keys) {
            *a += qd * k;
        }
    }
    acc
}

/// `out = Σ_j weights[j] · rows[j]`, rows of width `out.len()`, 16 columns at a time so
/// each partial sum stays in a register.
#[inline(always)]
fn weighted_rows(weights: &[f32], rows: &[f32], out: &mut [f32]) {
    let w = out.len();
    let (blocks, tail) = out.as_chunks_mut::<LANES>();
    for (c, out) in blocks.iter_mut().enumerate() {
        let mut acc = [0f32; LANES];
        for (&p, row) in weights.iter().zip(rows.chunks_exact(w)) {
            let x = &row.as_chunks::<LANES>().0[c];
            for (a, &x) in acc.iter_mut().zip(x) {
                *a += p * x;
            }
        }
        *out = acc;
    }
    let start = w - tail.len();
    for (t, o) in tail.iter_mut().enumerate() {
        *o = weights
            .iter()
            .zip(rows.chunks_exact(w))
            .fold(0.0, |acc, (&p, row)| acc + p * row[start + t]);
    }
}

per_isa! {
    /// Mean of each sequence's rows of `hidden` (width `dim`), L2-normalised with torch's
    /// epsilon, as sentence-transformers pools: one row of `dim` floats per sequence.
    pub fn mean_pool_l2(hidden: &[f32], seqs: &[Range<usize>], dim: usize) -> Vec<f32> {
        let mut out = vec![0f32; seqs.len() * dim];
        for (seq, row) in seqs.iter().zip(out.chunks_exact_mut(dim)) {
            for h in hidden[seq.start * dim..seq.end * dim].chunks_exact(dim) {
                for (o, &x) in row.iter_mut().zip(h) {
                    *o += x;
                }
            }
            let count = seq.len().max(1) as f32;
            for o in row.iter_mut() {
                *o /= count;
            }
            let norm = sum_squares(row).sqrt().max(1e-12);
            for o in row.iter_mut() {
                *o /= norm;
            }
        }
        out
    }
}

/// `x · wᵀ` in f32, on the calling thread: `x` is `rows × k`, `w` is `n × k` (a PyTorch
/// `Linear` weight); the result is `rows × n`. All row-major.
///
/// The `gemm` crate picks its micro-kernels by CPU feature and offers no switch, so the
/// AVX2 and AVX-512 ones are called by name through gemm's own driver: the product runs
/// on `isa` even where the CPU has more.
pub fn matmul_f32(isa: Isa, x: &[f32], rows: usize, w: &[f32], n: usize, k: usize) -> Vec<f32> {
    assert!(
        x.len() >= rows * k && w.len() >= n * k,
        "matmul: inputs too short"
    );
    let mut out = Vec::with_capacity(rows * n);
    // SAFETY: the assert keeps every index gemm derives from these shapes and strides inside
    // `x` and `w`; `out` has room for `rows × n` floats and, with `read_dst` false, gemm
    // writes every one of them without reading any, so all are initialised for `set_len`.
    unsafe {
        gemm_on(isa, rows, n, k, out.as_mut_ptr(), x.as_ptr(), w.as_ptr());
        out.set_len(rows * n);
    }
    out
}

/// `dst = lhs · rhsᵀ` (`m × k` by `n × k`, row-major, `dst` `m × n`) with gemm's kernels for
/// `isa`, or gemm's own pick for [`Isa::Portable`] (or if the CPU lacks `isa`, which a
/// checked [`Isa`] rules out).
///
/// Called by name, the driver gets the problem as `gemm::gemm` would hand it on: transposed
/// (`dstᵀ = rhs · lhsᵀ`), because the micro-kernels want a column-major destination and a
/// row-major one runs about 30% slower.
///
/// # Safety
/// `lhs`, `rhs` and `dst` must hold `m × k`, `n × k` and `m × n` floats.
unsafe fn gemm_on(
    isa: Isa,
    m: usize,
    n: usize,
    k: usize,
    dst: *mut f32,
    lhs: *const f32,
    rhs: *const f32,
) {
    #[cfg(target_arch = "x86_64")]
    {
        use gemm_common::simd::{V3, V4};
        use gemm_f32::microkernel::{avx512f::f32 as v4, fma::f32 as v3};
        // gemm's driver with one family of micro-kernels (`$k`: `v4` AVX-512 or `v3` FMA)
        // on its SIMD token, `$lanes` floats to a register; the same call for both.
        macro_rules! driver {
            ($simd:expr, $k:ident, $lanes:literal) => {
                return gemm_common::gemm::gemm_basic_generic::<
                    _,
                    f32,
                    $lanes,
                    { $k::MR_DIV_N * $lanes },
                    { $k::NR },
                    { $k::MR_DIV_N },
                    { $k::H_M },
                    { $k::H_N },
                >(
                    $simd,
                    n,
                    m,
                    k,
                    dst,
                    n as isize,
                    1,
                    false,
                    rhs,
                    1,
                    k as isize,
                    lhs,
                    k as isize,
                    1,
                    0.0,
                    1.0,
                    false,
                    false,
                    false,
                    |a, b, c| a * b + c,
                    &$k::UKR,
                    &$k::H_UKR,
                    false,
                    gemm::Parallelism::None,
                )
            };
        }
        match isa {
            Isa::Avx512 | Isa::Amx => {
                if let Some(simd) = V4::try_new() {
                    driver!(simd, v4, 16);
                }
            }
            Isa::Avx2 => {
                if let Some(simd) = V3::try_new() {
                    driver!(simd, v3, 8);
                }
            }
            Isa::Portable => {}
        }
    }
    gemm::gemm(
        m,
        n,
        k,
        dst,
        1,
        n as isize,
        false,
        lhs,
        1,
        k as isize,
        rhs,
        k as isize,
        1,
        0.0,
        1.0,
        false,
        false,
        false,
        gemm::Parallelism::None,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Φ(x), the standard normal distribution function, in f64.
    fn phi_reference(x: f64) -> f64 {
        let z = x.abs() / std::f64::consts::SQRT_2;
        let erfc = if z <= 3.0 {
            // Maclaurin series of erf, exact enough in f64 here.
            let (mut term, mut erf) = (z, z);
            for n in 1..200 {
                term *= -z * z / n as f64;
                erf += term / (2 * n + 1) as f64;
            }
            1.0 - erf * 2.0 / std::f64::consts::PI.sqrt()
        } else {
            // Asymptotic series of erfc, better than 1e-4 relative for z > 3.
            let z2 = z * z;
            (-z2).exp() / (z * std::f64::consts::PI.sqrt())
                * (1.0 - 1.0 / (2.0 * z2) + 3.0 / (4.0 * z2 * z2) - 15.0 / (8.0 * z2 * z2 * z2))
        };
        if x >= 0.0 {
            1.0 - erfc / 2.0
        } else {
            erfc / 2.0
        }
    }

    #[test]
    fn exp_is_accurate_over_the_softmax_range() {
        for i in 0..=2000 {
            let x = -80.0 + i as f32 * 0.0437;
            let got = exp(x) as f64;
            let want = (x as f64).exp();
            assert!(
                ((got - want) / want).abs() < 3e-7,
                "exp({x}) = {got}, want {want}"
            );
        }
    }

    #[test]
    fn gelu_matches_the_erf_definition() {
        for i in 0..=2000 {
            let x = -10.0 + i as f32 * 0.01;
            let want = x as f64 * phi_reference(x as f64);
            let got = gelu(x) as f64;
            assert!((got - want).abs() < 5e-7, "gelu({x}) = {got}, want {want}");
        }
    }

    #[test]
    fn layer_norm_of_a_row_has_zero_mean_and_unit_variance() {
        let x: Vec<f32> = (0..40)
            .map(|i| (i as f32 * 0.37).sin() * 3.0 + 1.0)
            .collect();
        let norm = Norm {
            gamma: vec![1.0; 20],
            beta: vec![0.0; 20],
            eps: 1e-12,
        };
        let mut out = vec![0.25f32; 40];
        bias_residual_norm(Isa::best(), &mut out, &x, &[0.5; 20], &norm);
        for row in out.chunks(20) {
            let mean: f32 = row.iter().sum::<f32>() / 20.0;
            let var: f32 = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / 20.0;
            assert!(
                mean.abs() < 1e-5 && (var - 1.0).abs() < 1e-4,
                "{mean} {var}"
            );
        }
    }

    #[test]
    fn attention_matches_a_direct_softmax_and_ignores_other_sequences() {
        let heads = Heads { count: 2, width: 3 };
        let hidden = 6;
        // Two sequences of 2 and 3 tokens, deterministic values.
        let qkv: Vec<f32> = (0..5 * 3 * hidden)
            .map(|i| ((i * 7 % 11) as f32 - 5.0) * 0.1)
            .collect();
        let bias = vec![0.05; 3 * hidden];
        let seqs = [0..2, 2..5];
        let mut out = vec![0f32; 5 * hidden];
        attention(Isa::best(), &qkv, &bias, &seqs, heads, &mut out);

        let at = |t: usize, c: usize| (qkv[t * 3 * hidden + c] + bias[c]) as f64;
        for seq in &seqs {
            for h in 0..2 {
                for i in seq.clone() {
                    let scores: Vec<f64> = seq
                        .clone()
                        .map(|j| {
                            (0..3)
                                .map(|d| at(i, h * 3 + d) * at(j, hidden + h * 3 + d))
                                .sum::<f64>()
                                / 3f64.sqrt()
                        })
                        .collect();
                    let top = scores.iter().cloned().fold(f64::MIN, f64::max);
                    let e: Vec<f64> = scores.iter().map(|s| (s - top).exp()).collect();
                    let total: f64 = e.iter().sum();
                    for d in 0..3 {
                        let want: f64 = seq
                            .clone()
                            .zip(&e)
                            .map(|(j, p)| p / total * at(j, 2 * hidden + h * 3 + d))
                            .sum();
                        let got = out[i * hidden + h * 3 + d] as f64;
                        assert!(
                            (got - want).abs() < 1e-6,
                            "token {i} head {h}: {got} {want}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn pooling_averages_each_sequence_and_normalises() {
        // Rows [1,0], [0,1] form one sequence, [3,4] another.
        let hidden = [1.0, 0.0, 0.0, 1.0, 3.0, 4.0];
        let out = mean_pool_l2(Isa::best(), &hidden, &[0..2, 2..3], 2);
        let h = 0.5f32.sqrt();
        assert!((out[0] - h).abs() < 1e-6 && (out[1] - h).abs() < 1e-6);
        assert!((out[2] - 0.6).abs() < 1e-6 && (out[3] - 0.8).abs() < 1e-6);
    }

    #[test]
    fn matmul_multiplies_by_the_transposed_weight() {
        // x = [[1, 2]], w = [[1, 0], [0, 1], [1, 1]] (3 × 2): x·wᵀ = [[1, 2, 3]].
        for isa in [Isa::Portable, Isa::Avx2, Isa::Avx512] {
            let out = matmul_f32(isa, &[1.0, 2.0], 1, &[1.0, 0.0, 0.0, 1.0, 1.0, 1.0], 3, 2);
            assert_eq!(out, [1.0, 2.0, 3.0], "{isa}");
        }
    }
}
