//! Running the `concord` binary from integration tests.
//!
//! Every run gets a cache folder of its own (`CONCORD_CACHE_DIR`, a fresh temporary folder),
//! so two runs that must agree are two computations, never a computation and a read of the
//! user's cache. The model is found without that cache: it is resolved once per test binary
//! through the library, exactly as a user's run resolves it (fetched into the user cache on
//! first use), and passed on as `CONCORD_MODEL_DIR`.

// Each test file includes this module and uses a different part of it.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// The folder holding the model files, resolved (and fetched if need be) once.
pub fn model_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        concord::embed::ModelStore::default()
            .resolve()
            .unwrap_or_else(|e| panic!("model not available: {e}"))
            .dir
    })
}

/// Run `concord ARGS` in the crate root, assert it succeeded, and return its stdout.
pub fn concord(args: &[&str]) -> String {
    String::from_utf8(concord_with_env(args, &[])).expect("utf-8 output")
}

/// [`concord`] with extra environment variables, returning stdout as bytes.
pub fn concord_with_env(args: &[&str], env: &[(&str, &OsStr)]) -> Vec<u8> {
    let out = concord_output(args, env);
    assert!(
        out.status.success(),
        "concord {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Run `concord ARGS` in the crate root in a fresh cache folder, whatever its exit status.
/// `env` is applied last, so a test may pass a `CONCORD_CACHE_DIR` of its own to share one
/// cache between runs.
pub fn concord_output(args: &[&str], env: &[(&str, &OsStr)]) -> Output {
    let cache = tempfile::tempdir().expect("temp cache dir");
    Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(args)
        .env("CONCORD_CACHE_DIR", cache.path())
        .env("CONCORD_MODEL_DIR", model_dir())
        .envs(env.iter().copied())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the concord binary runs")
}
