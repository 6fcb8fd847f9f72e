#!/usr/bin/env bash
# Parity test of the optional rust-bert backend (sets up libtorch on first use; own target dir
# so it never invalidates the default build).
set -euo pipefail; cd "$(dirname "$0")/.." && source scripts/rust-bert-env.sh && CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target/rust-bert}" cargo test --release --features rust-bert --test rust_bert_parity -- --nocapture "$@"
