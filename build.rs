//! Sets `cfg(concord_amx)`, `cfg(concord_avx512)` and `cfg(concord_avx2)` when the build host
//! can run Intel AMX tiles, AVX-512 (F/BW/VL) and AVX2 + FMA, so the tests that check each
//! path (`CONCORD_ISA`) run there and are reported as ignored (with the reason) everywhere
//! else, instead of passing without checking anything.
//!
//! The checks are the ones `src/embed/isa.rs` and `src/embed/amx.rs` make at run time; for
//! AMX, CPUID says the CPU has AMX-TILE and AMX-BF16, and Linux grants this process the tile
//! registers. Tests run on the machine that built them, so the build host stands for the test
//! host; a cross build never sets the flags.

fn main() {
    for flag in ["concord_amx", "concord_avx512", "concord_avx2"] {
        println!("cargo::rustc-check-cfg=cfg({flag})");
    }
    println!("cargo::rerun-if-changed=build.rs");
    let host = std::env::var("HOST").unwrap_or_default();
    let target = std::env::var("TARGET").unwrap_or_default();
    if host != target {
        return;
    }
    let (avx2, avx512) = host_has_avx();
    if avx2 {
        println!("cargo::rustc-cfg=concord_avx2");
    }
    if avx512 {
        println!("cargo::rustc-cfg=concord_avx512");
    }
    // concord runs AMX products only alongside AVX-512 kernels.
    if avx512 && host_has_amx() {
        println!("cargo::rustc-cfg=concord_amx");
    }
}

/// Whether the host has AVX2 + FMA, and AVX-512 F/BW/VL on top.
#[cfg(target_arch = "x86_64")]
fn host_has_avx() -> (bool, bool) {
    let avx2 = std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma");
    let avx512 = avx2
        && std::is_x86_feature_detected!("avx512f")
        && std::is_x86_feature_detected!("avx512bw")
        && std::is_x86_feature_detected!("avx512vl");
    (avx2, avx512)
}

#[cfg(not(target_arch = "x86_64"))]
fn host_has_avx() -> (bool, bool) {
    (false, false)
}

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
fn host_has_amx() -> bool {
    // CPUID leaf 7: EDX bit 22 is AMX-BF16, bit 24 AMX-TILE.
    let leaf7 = std::arch::x86_64::__cpuid_count(7, 0);
    if leaf7.edx & (1 << 22) == 0 || leaf7.edx & (1 << 24) == 0 {
        return false;
    }
    const ARCH_REQ_XCOMP_PERM: libc::c_ulong = 0x1023;
    const XFEATURE_XTILEDATA: libc::c_ulong = 18;
    // SAFETY: a plain system call with integer arguments; it only changes which register
    // state the kernel saves for this (short-lived) process, and fails cleanly where AMX is
    // unsupported.
    unsafe {
        libc::syscall(
            libc::SYS_arch_prctl,
            ARCH_REQ_XCOMP_PERM,
            XFEATURE_XTILEDATA,
        ) == 0
    }
}

#[cfg(not(all(target_arch = "x86_64", target_os = "linux")))]
fn host_has_amx() -> bool {
    false
}
