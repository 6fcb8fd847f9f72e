#!/usr/bin/env bash
# concord against the tools users would pick instead, side by side in one run.
#
#   benches/compare/run.sh [SECTION...]     sections: embed digest load scale threads (all)
#
# Environment: ROUNDS (3), CONCORD_BIN (default: build target/release/concord),
# CONCORD_COMPARE_VENV (target/compare-venv), CONCORD_MODEL_DIR (the user cache's model);
# CONCORD_ISA and torch's ATEN_CPU_CAPABILITY / MKL_ENABLE_INSTRUCTIONS / DNNL_MAX_CPU_ISA
# pass through to both sides.
# See benches/README.md for what each section measures and the latest figures.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

if [ -z "${CONCORD_BIN:-}" ]; then
    cargo build --release --quiet
    CONCORD_BIN="$root/target/release/concord"
fi
python="$("$here/setup_venv.sh")"
model="${CONCORD_MODEL_DIR:-${CONCORD_CACHE_DIR:-$HOME/.cache/concord}/models/all-MiniLM-L6-v2}"
if [ ! -f "$model/model.safetensors" ]; then
    # Any command that embeds fetches and verifies the model into the user cache.
    echo "x" | "$CONCORD_BIN" embed --no-cache >/dev/null
fi
work="$root/target/compare"
mkdir -p "$work"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/ {print $2}') GiB; uptime: $(uptime)"
# Instruction-set pins, both sides (benches/README.md: the AVX2 comparison of issue 16).
echo "pins: CONCORD_ISA=${CONCORD_ISA:-unset} ATEN_CPU_CAPABILITY=${ATEN_CPU_CAPABILITY:-unset} MKL_ENABLE_INSTRUCTIONS=${MKL_ENABLE_INSTRUCTIONS:-unset} DNNL_MAX_CPU_ISA=${DNNL_MAX_CPU_ISA:-unset}"
exec "$python" "$here/compare.py" "$CONCORD_BIN" "$python" "$model" "$work" "${ROUNDS:-3}" "$@"
