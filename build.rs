//! Sets `cfg(concord_amx)` when the build host can run Intel AMX tile instructions, so the
//! tests that check the AMX products run there and are reported as ignored (with the reason)
//! everywhere else, instead of passing without checking anything.
//!
//! The check is the one `src/embed/amx.rs` makes at run time: CPUID says the CPU has
//! AMX-TILE and AMX-BF16, and Linux grants this process the tile registers. Tests run on the
//! machine that built them, so the build host stands for the test host; a cross build never
//! sets the flag.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(concord_amx)");
    println!("cargo::rerun-if-changed=build.rs");
    let host = std::env::var("HOST").unwrap_or_default();
    let target = std::env::var("TARGET").unwrap_or_default();
    if host == target && host_has_amx() {
        println!("cargo::rustc-cfg=concord_amx");
    }
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
