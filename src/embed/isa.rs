//! Which instruction set the encoder's kernels and matrix products use: the best this CPU
//! has, or the one the `CONCORD_ISA` environment variable pins (read once, at model load).
//!
//! Pinning lets the AVX2 path, which most users' CPUs run, be measured and tested on a
//! machine that also has AVX-512 or AMX. The choice is part of the model id (see
//! [`Isa::arithmetic`]) because the paths round differently in the last bits.

use std::fmt;

use super::bert::Matmul;

/// The environment variable that pins the instruction set.
pub const ENV: &str = "CONCORD_ISA";

/// An instruction set the encoder can run on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Isa {
    /// Whatever the compiler's baseline and the `gemm` crate pick: CPUs without AVX2 + FMA,
    /// and other architectures. Never chosen by `CONCORD_ISA`.
    Portable,
    /// AVX2 and FMA (x86-64-v3): most laptops, AMD before Zen 4.
    Avx2,
    /// AVX-512 F/BW/VL with AVX2 and FMA.
    Avx512,
    /// AMX bf16 tiles for the products, AVX-512 for everything else.
    Amx,
}

/// Why the requested instruction set cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IsaError {
    /// `CONCORD_ISA` names no instruction set concord knows.
    #[error(
        "{ENV}={0:?} is not an instruction set concord knows; set it to avx2, avx512 or amx, \
         or unset it to use the best this CPU has"
    )]
    Unknown(String),
    /// The CPU (or the operating system) does not offer the requested instruction set.
    #[error(
        "{ENV}={wanted} but this CPU does not offer {wanted}; unset {ENV} to use the best it \
         has ({best}), or set it to one of: {offered}"
    )]
    Unsupported {
        /// What was asked for.
        wanted: Isa,
        /// What the CPU would run unpinned.
        best: Isa,
        /// Every pinnable set the CPU offers, comma-separated.
        offered: String,
    },
    /// `CONCORD_ISA=amx` together with `--matmul f32`, which asks for no AMX products.
    #[error(
        "{ENV}=amx asks for AMX products but --matmul f32 asks for f32 ones; drop one of them \
         (or pin {ENV}=avx512 for f32 products on AVX-512)"
    )]
    AmxWithF32,
}

impl Isa {
    /// The sets `CONCORD_ISA` can pin, slowest first.
    pub const PINNABLE: [Isa; 3] = [Isa::Avx2, Isa::Avx512, Isa::Amx];

    /// The name `CONCORD_ISA` takes (and error messages show).
    pub fn name(self) -> &'static str {
        match self {
            Isa::Portable => "portable",
            Isa::Avx2 => "avx2",
            Isa::Avx512 => "avx512",
            Isa::Amx => "amx",
        }
    }

    /// Parse a `CONCORD_ISA` value (case and surrounding blanks ignored).
    pub fn parse(value: &str) -> Result<Isa, IsaError> {
        let wanted = value.trim().to_ascii_lowercase();
        Isa::PINNABLE
            .into_iter()
            .find(|isa| isa.name() == wanted)
            .ok_or_else(|| IsaError::Unknown(value.to_string()))
    }

    /// Whether this CPU (and, for AMX, the kernel) lets concord run this set.
    pub fn supported(self) -> bool {
        match self {
            Isa::Portable => true,
            Isa::Avx2 => has_avx2(),
            Isa::Avx512 => has_avx512(),
            Isa::Amx => has_avx512() && super::amx::available(),
        }
    }

    /// The fastest set this CPU offers.
    pub fn best() -> Isa {
        [Isa::Amx, Isa::Avx512, Isa::Avx2]
            .into_iter()
            .find(|isa| isa.supported())
            .unwrap_or(Isa::Portable)
    }

    /// `wanted` if the CPU offers it, else an error that says what to do instead.
    pub fn check(wanted: Isa) -> Result<Isa, IsaError> {
        if wanted.supported() {
            return Ok(wanted);
        }
        let offered: Vec<&str> = Isa::PINNABLE
            .into_iter()
            .filter(|isa| isa.supported())
            .map(Isa::name)
            .collect();
        Err(IsaError::Unsupported {
            wanted,
            best: Isa::best(),
            offered: if offered.is_empty() {
                "none (this CPU has no AVX2)".to_string()
            } else {
                offered.join(", ")
            },
        })
    }

    /// The set `CONCORD_ISA` pins (checked against this CPU), or `None` when it is unset or
    /// empty.
    pub fn from_env() -> Result<Option<Isa>, IsaError> {
        match std::env::var(ENV) {
            Ok(value) if !value.trim().is_empty() => Ok(Some(Isa::check(Isa::parse(&value)?)?)),
            // Unset, empty, or not Unicode (which can name nothing here): not pinned.
            Ok(_) | Err(_) => Ok(None),
        }
    }

    /// The set a model loaded with `matmul` runs on: `pinned` (already checked) if given,
    /// else the best this CPU has, short of AMX when `matmul` asks for f32 products.
    pub fn resolve(pinned: Option<Isa>, matmul: Matmul) -> Result<Isa, IsaError> {
        match (pinned, matmul) {
            (Some(Isa::Amx), Matmul::F32) => Err(IsaError::AmxWithF32),
            (Some(isa), _) => Ok(isa),
            (None, Matmul::Auto) => Ok(Isa::best()),
            (None, Matmul::F32) => Ok(match Isa::best() {
                Isa::Amx => Isa::Avx512,
                other => other,
            }),
        }
    }

    /// The arithmetic of the matrix products on this set, as the model id names it.
    pub fn arithmetic(self) -> &'static str {
        match self {
            Isa::Portable => "f32",
            Isa::Avx2 => "f32-avx2",
            Isa::Avx512 => "f32-avx512",
            Isa::Amx => "amx-bf16x3",
        }
    }
}

impl fmt::Display for Isa {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// AVX2 and FMA, what the AVX2 kernels are compiled for.
pub(crate) fn has_avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// AVX-512 F, BW and VL on top of AVX2, what the AVX-512 kernels are compiled for.
pub(crate) fn has_avx512() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        has_avx2()
            && is_x86_feature_detected!("avx512f")
            && is_x86_feature_detected!("avx512bw")
            && is_x86_feature_detected!("avx512vl")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back() {
        for isa in Isa::PINNABLE {
            assert_eq!(Isa::parse(isa.name()), Ok(isa));
        }
        assert_eq!(Isa::parse(" AVX2 "), Ok(Isa::Avx2));
    }

    #[test]
    fn unknown_names_are_refused_with_what_to_do() {
        let err = Isa::parse("sse9").unwrap_err();
        assert_eq!(err, IsaError::Unknown("sse9".into()));
        let msg = err.to_string();
        assert!(
            msg.contains("avx2, avx512 or amx") && msg.contains("unset"),
            "{msg}"
        );
        assert!(
            Isa::parse("portable").is_err(),
            "the fallback is not pinnable"
        );
    }

    #[test]
    fn the_best_set_is_supported_and_checks_pass_only_for_supported_sets() {
        assert!(Isa::best().supported());
        for isa in Isa::PINNABLE {
            match Isa::check(isa) {
                Ok(got) => assert!(got == isa && isa.supported()),
                Err(e) => {
                    assert!(!isa.supported());
                    assert!(e.to_string().contains("unset CONCORD_ISA"), "{e}");
                }
            }
        }
    }

    #[test]
    fn f32_products_never_resolve_to_amx() {
        assert_ne!(Isa::resolve(None, Matmul::F32), Ok(Isa::Amx));
        assert_eq!(
            Isa::resolve(Some(Isa::Amx), Matmul::F32),
            Err(IsaError::AmxWithF32)
        );
        assert_eq!(Isa::resolve(Some(Isa::Avx2), Matmul::Auto), Ok(Isa::Avx2));
    }

    #[test]
    fn every_set_names_distinct_arithmetic() {
        let names: std::collections::HashSet<_> = [Isa::Portable]
            .into_iter()
            .chain(Isa::PINNABLE)
            .map(Isa::arithmetic)
            .collect();
        assert_eq!(names.len(), 4);
    }
}
