//! Running the `concord` binary from integration tests.

use std::process::Command;

/// Run `concord ARGS` in the crate root, assert it succeeded, and return its stdout.
pub fn concord(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the concord binary runs");
    assert!(
        out.status.success(),
        "concord {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}
