//! Matrix products on Intel AMX tiles, as accurate as f32.
//!
//! AMX multiplies bf16 matrices (8 significant bits) into f32 sums. Splitting each f32 into
//! `hi + lo`, two bf16 values that together carry 16 significant bits, and summing
//! `hi·hi + hi·lo + lo·hi` gives products within a few f32 rounding errors of the exact ones
//! (the dropped `lo·lo` term is below 2^-16 of each product). Three tile products per f32
//! product still run faster than AVX-512 f32 on CPUs that have AMX (benches/README.md).
//!
//! Tiles are used through inline assembly: Rust has no stable AMX intrinsics. The kernel
//! keeps a 32 × 32 block of the result in four tiles while it walks the shared dimension.

use std::mem::MaybeUninit;
use std::sync::OnceLock;

use multiversion::multiversion;
use rayon::prelude::*;

/// bf16 values in one tile: 16 rows of 64 bytes.
const TILE_U16: usize = 512;

/// Whether this CPU and kernel let concord use AMX bf16 tiles. The first call asks Linux
/// for the tile state (`arch_prctl`), which is per process; later calls return the answer.
pub fn available() -> bool {
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    *AVAILABLE.get_or_init(request_tiles)
}

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
fn request_tiles() -> bool {
    // CPUID leaf 7: EDX bit 22 is AMX-BF16, bit 24 AMX-TILE.
    let leaf7 = std::arch::x86_64::__cpuid_count(7, 0);
    if leaf7.edx & (1 << 22) == 0 || leaf7.edx & (1 << 24) == 0 {
        return false;
    }
    const ARCH_REQ_XCOMP_PERM: libc::c_ulong = 0x1023;
    const XFEATURE_XTILEDATA: libc::c_ulong = 18;
    // SAFETY: a plain system call with integer arguments; it only changes which register
    // state the kernel saves for this process, and fails cleanly where AMX is unsupported.
    let granted = unsafe {
        libc::syscall(
            libc::SYS_arch_prctl,
            ARCH_REQ_XCOMP_PERM,
            XFEATURE_XTILEDATA,
        )
    };
    granted == 0
}

#[cfg(not(all(target_arch = "x86_64", target_os = "linux")))]
fn request_tiles() -> bool {
    false
}

/// Round to the nearest bf16, ties to even (inputs are finite).
#[inline(always)]
fn bf16(x: f32) -> u16 {
    let bits = x.to_bits();
    ((bits + 0x7fff + ((bits >> 16) & 1)) >> 16) as u16
}

/// The f32 a bf16 stands for.
#[inline(always)]
fn widen(h: u16) -> f32 {
    f32::from_bits((h as u32) << 16)
}

/// The `hi` and `lo` bf16 halves of `x`.
#[inline(always)]
fn split(x: f32) -> (u16, u16) {
    let hi = bf16(x);
    (hi, bf16(x - widen(hi)))
}

/// A weight matrix `w` (`n × k`, a PyTorch `Linear` weight) laid out as AMX `B` tiles of
/// `wᵀ`, `hi` and `lo` halves, ready for [`Weights::matmul`].
#[derive(Debug, Clone)]
pub struct Weights {
    n: usize,
    k: usize,
    /// Per 16-column block, per 32-deep step of `k`: the `hi` tile, then the `lo` tile.
    /// A tile row holds 16 pairs `(wᵀ[2p][j], wᵀ[2p+1][j])`, the pairing AMX expects.
    tiles: Vec<u16>,
}

impl Weights {
    /// Whether [`Weights::pack`] takes a matrix of this shape.
    pub fn fits(n: usize, k: usize) -> bool {
        n > 0 && k > 0 && n.is_multiple_of(32) && k.is_multiple_of(32)
    }

    /// Lay out `w`, the rows of `parts` stacked (each part `rows × k`, row-major), as one
    /// `n × k` weight; `None` unless [`Weights::fits`].
    pub fn pack(parts: &[&[f32]], k: usize) -> Option<Weights> {
        let values: usize = parts.iter().map(|p| p.len()).sum();
        let n = values.checked_div(k).unwrap_or(0);
        if !Self::fits(n, k) || parts.iter().any(|p| !p.len().is_multiple_of(k)) {
            return None;
        }
        let rows: Vec<&[f32]> = parts.iter().flat_map(|p| p.chunks_exact(k)).collect();
        let steps = k / 32;
        let mut tiles = vec![0u16; 2 * n * k];
        // Blocks of 16 columns are independent; packing them in parallel halves model load.
        tiles
            .par_chunks_exact_mut(2 * steps * TILE_U16)
            .enumerate()
            .for_each(|(block, out)| {
                for j in 0..16 {
                    let w = rows[block * 16 + j];
                    for (step, pair) in out.chunks_exact_mut(2 * TILE_U16).enumerate() {
                        let (hi, lo) = pair.split_at_mut(TILE_U16);
                        for (c, &x) in w[step * 32..(step + 1) * 32].iter().enumerate() {
                            // Element c of the step sits in tile row c / 2, pair slot c % 2.
                            let at = (c / 2) * 32 + j * 2 + c % 2;
                            (hi[at], lo[at]) = split(x);
                        }
                    }
                }
            });
        Some(Weights { n, k, tiles })
    }

    /// Output width.
    pub fn n(&self) -> usize {
        self.n
    }

    /// `x · wᵀ` for `x` of `rows × k` (row-major): `rows × n` floats, row-major.
    ///
    /// # Panics
    /// If [`available`] is false or `x` is shorter than `rows × k`: callers check both.
    pub fn matmul(&self, x: &[f32], rows: usize) -> Vec<f32> {
        assert!(available(), "AMX matmul called on a CPU without AMX");
        assert!(x.len() >= rows * self.k, "AMX matmul: input too short");
        let padded = rows.div_ceil(32) * 32;
        let mut a = Vec::with_capacity(padded * 2 * self.k);
        pack_rows(&x[..rows * self.k], self.k, padded, a.spare_capacity_mut());
        // SAFETY: pack_rows initialises all `padded × 2k` values it was given room for.
        unsafe { a.set_len(padded * 2 * self.k) };
        let mut out = Vec::with_capacity(padded * self.n);
        // SAFETY: AMX is available (asserted); `a` holds `padded` rows of `k` in A-tile order
        // and `out` has room for `padded × n` floats, the extents the kernel walks. The kernel
        // stores every 32 × 32 block of the result, so all `rows × n` kept values are written.
        unsafe {
            kernel(
                &a,
                padded,
                self.k / 32,
                &self.tiles,
                self.n,
                out.as_mut_ptr(),
            );
            out.set_len(rows * self.n);
        }
        out
    }
}

/// Lay out rows of `x` (width `k`) as AMX `A` tiles in `a` (room for `padded × 2k`): per
/// 16-row block, per 32-deep step, the `hi` tile then the `lo` tile, each 16 rows of 32
/// bf16. Rows past the end of `x`, up to `padded`, are zero; every value of `a` is written.
#[multiversion(targets("x86_64+avx512f+avx512bw+avx512vl+avx2+fma", "x86_64+avx2+fma"))]
fn pack_rows(x: &[f32], k: usize, padded: usize, a: &mut [MaybeUninit<u16>]) {
    let steps = k / 32;
    let zeros = [0f32; 32];
    for r in 0..padded {
        let (block, within) = (r / 16, r % 16);
        let row = x.get(r * k..(r + 1) * k);
        for step in 0..steps {
            let src = row.map_or(&zeros[..], |row| &row[step * 32..(step + 1) * 32]);
            let base = (block * steps + step) * 2 * TILE_U16 + within * 32;
            let (hi, lo) = a[base..base + TILE_U16 + 32].split_at_mut(TILE_U16);
            for ((h, l), &v) in hi[..32].iter_mut().zip(&mut lo[..32]).zip(src) {
                let (vh, vl) = split(v);
                h.write(vh);
                l.write(vl);
            }
        }
    }
}

/// The tile configuration: palette 1, all eight tiles 16 rows of 64 bytes.
#[repr(C, align(64))]
struct TileConfig([u8; 64]);

impl TileConfig {
    fn full() -> TileConfig {
        let mut c = [0u8; 64];
        c[0] = 1;
        for t in 0..8 {
            c[16 + 2 * t] = 64; // bytes per row of tile t (a u16, little-endian)
            c[48 + t] = 16; // rows of tile t
        }
        TileConfig(c)
    }
}

/// `c = a · b` over packed tiles: `a` from [`pack_rows`] (`rows` a multiple of 32), `b` the
/// tiles of a [`Weights`] of width `n`, `steps` 32-deep steps; `c` is `rows × n` f32.
///
/// Tiles 0-3 hold a 32 × 32 block of `c`, 4-5 the two 16-row `a` tiles of one step, 6-7 the
/// two 16-column `b` tiles. Per step the `hi` halves of `a` are loaded once and used against
/// both halves of `b`, so ten tile loads feed twelve tile products.
///
/// # Safety
/// AMX must be [`available`], and the buffers must have the extents above.
#[cfg(target_arch = "x86_64")]
unsafe fn kernel(a: &[u16], rows: usize, steps: usize, b: &[u16], n: usize, c: *mut f32) {
    use std::arch::asm;
    let config = TileConfig::full();
    asm!("ldtilecfg [{}]", in(reg) config.0.as_ptr());
    let row_bytes = n * 4;
    let stride = 64usize;
    for nb in (0..n / 16).step_by(2) {
        let b0 = b.as_ptr().add(nb * steps * 2 * TILE_U16);
        let b1 = b0.add(steps * 2 * TILE_U16);
        for mb in (0..rows / 16).step_by(2) {
            asm!(
                "tilezero tmm0",
                "tilezero tmm1",
                "tilezero tmm2",
                "tilezero tmm3"
            );
            let a0 = a.as_ptr().add(mb * steps * 2 * TILE_U16);
            let a1 = a0.add(steps * 2 * TILE_U16);
            for s in 0..steps {
                let at = s * 2 * TILE_U16;
                // hi·hi, then hi·lo with the hi rows of a still loaded, then lo·hi.
                asm!(
                    "tileloadd tmm4, [{a0} + {s}*1]",
                    "tileloadd tmm6, [{b0} + {s}*1]",
                    "tdpbf16ps tmm0, tmm4, tmm6",
                    "tileloadd tmm7, [{b1} + {s}*1]",
                    "tdpbf16ps tmm1, tmm4, tmm7",
                    "tileloadd tmm5, [{a1} + {s}*1]",
                    "tdpbf16ps tmm2, tmm5, tmm6",
                    "tdpbf16ps tmm3, tmm5, tmm7",
                    "tileloadd tmm6, [{b0lo} + {s}*1]",
                    "tdpbf16ps tmm0, tmm4, tmm6",
                    "tdpbf16ps tmm2, tmm5, tmm6",
                    "tileloadd tmm7, [{b1lo} + {s}*1]",
                    "tdpbf16ps tmm1, tmm4, tmm7",
                    "tdpbf16ps tmm3, tmm5, tmm7",
                    "tileloadd tmm4, [{a0lo} + {s}*1]",
                    "tileloadd tmm6, [{b0} + {s}*1]",
                    "tdpbf16ps tmm0, tmm4, tmm6",
                    "tileloadd tmm7, [{b1} + {s}*1]",
                    "tdpbf16ps tmm1, tmm4, tmm7",
                    "tileloadd tmm5, [{a1lo} + {s}*1]",
                    "tdpbf16ps tmm2, tmm5, tmm6",
                    "tdpbf16ps tmm3, tmm5, tmm7",
                    a0 = in(reg) a0.add(at),
                    a1 = in(reg) a1.add(at),
                    a0lo = in(reg) a0.add(at + TILE_U16),
                    a1lo = in(reg) a1.add(at + TILE_U16),
                    b0 = in(reg) b0.add(at),
                    b1 = in(reg) b1.add(at),
                    b0lo = in(reg) b0.add(at + TILE_U16),
                    b1lo = in(reg) b1.add(at + TILE_U16),
                    s = in(reg) stride,
                );
            }
            let c0 = c.add(mb * 16 * n + nb * 16);
            asm!(
                "tilestored [{c00} + {s}*1], tmm0",
                "tilestored [{c01} + {s}*1], tmm1",
                "tilestored [{c10} + {s}*1], tmm2",
                "tilestored [{c11} + {s}*1], tmm3",
                c00 = in(reg) c0,
                c01 = in(reg) c0.add(16),
                c10 = in(reg) c0.add(16 * n),
                c11 = in(reg) c0.add(16 * n + 16),
                s = in(reg) row_bytes,
            );
        }
    }
    asm!("tilerelease");
}

#[cfg(not(target_arch = "x86_64"))]
unsafe fn kernel(_: &[u16], _: usize, _: usize, _: &[u16], _: usize, _: *mut f32) {
    unreachable!("AMX is only available on x86_64")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Why a test built for an AMX host fails on this one.
    const NOT_GRANTED: &str = "the build host had AMX tiles, but this process was not granted them";

    #[test]
    fn split_halves_carry_sixteen_bits() {
        for &x in &[1.0f32, -0.123_456_79, 5.432_1, 1e-3, -77.7] {
            let (h, l) = split(x);
            let back = widen(h) + widen(l);
            assert!(((back - x) / x).abs() < 1.0 / 65536.0, "{x} -> {back}");
        }
    }

    #[test]
    #[cfg_attr(not(concord_amx), ignore = "this CPU has no AMX tiles (see build.rs)")]
    fn amx_product_matches_f32_to_a_few_roundings() {
        assert!(available(), "{NOT_GRANTED}");
        let (rows, n, k) = (45, 64, 96);
        let x: Vec<f32> = (0..rows * k)
            .map(|i| ((i * 37 % 101) as f32 - 50.0) / 37.0)
            .collect();
        let w: Vec<f32> = (0..n * k)
            .map(|i| ((i * 53 % 97) as f32 - 48.0) / 97.0)
            .collect();
        let got = Weights::pack(&[&w[..n * k / 2], &w[n * k / 2..]], k)
            .unwrap()
            .matmul(&x, rows);
        assert_eq!(got.len(), rows * n);
        for r in 0..rows {
            for j in 0..n {
                let exact: f64 = (0..k)
                    .map(|i| x[r * k + i] as f64 * w[j * k + i] as f64)
                    .sum();
                let scale: f64 = (0..k)
                    .map(|i| (x[r * k + i] as f64 * w[j * k + i] as f64).abs())
                    .sum();
                let err = (got[r * n + j] as f64 - exact).abs() / scale;
                assert!(err < 2e-6, "row {r} col {j}: {} vs {exact}", got[r * n + j]);
            }
        }
    }

    #[test]
    #[cfg_attr(not(concord_amx), ignore = "this CPU has no AMX tiles (see build.rs)")]
    fn a_row_gets_the_same_bits_alone_or_among_others() {
        assert!(available(), "{NOT_GRANTED}");
        let (n, k) = (32, 64);
        let x: Vec<f32> = (0..40 * k).map(|i| (i as f32 * 0.013).sin()).collect();
        let w: Vec<f32> = (0..n * k).map(|i| (i as f32 * 0.021).cos()).collect();
        let packed = Weights::pack(&[&w], k).unwrap();
        let all = packed.matmul(&x, 40);
        let one = packed.matmul(&x[17 * k..18 * k], 1);
        assert_eq!(&all[17 * n..18 * n], &one[..]);
    }

    #[test]
    fn shapes_that_do_not_tile_are_refused() {
        assert!(Weights::pack(&[&[0.0; 48 * 32]], 32).is_none());
        assert!(Weights::pack(&[&[0.0; 32 * 40]], 40).is_none());
        assert!(Weights::fits(1536, 384));
    }
}
