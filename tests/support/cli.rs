//! Running the `concord` binary from integration tests.

// Each test file includes this module and uses a different part of it.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::process::Command;

/// Run `concord ARGS` in the crate root, assert it succeeded, and return its stdout.
pub fn concord(args: &[&str]) -> String {
    String::from_utf8(concord_with_env(args, &[])).expect("utf-8 output")
}

/// [`concord`] with extra environment variables, returning stdout as bytes.
pub fn concord_with_env(args: &[&str], env: &[(&str, &OsStr)]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(args)
        .envs(env.iter().copied())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the concord binary runs");
    assert!(
        out.status.success(),
        "concord {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}
