# Environment for the optional rust-bert embedding backend.
#
# Source it (bash or zsh):   source scripts/rust-bert-env.sh
#
# rust-bert 0.23 is built on tch 0.17, whose build script accepts exactly libtorch 2.4.0
# (pinning it avoids LIBTORCH_BYPASS_VERSION_CHECK). libtorch's own download
# site is not something we can rely on, but PyPI's `torch` wheel carries the same libraries,
# and tch can build and link against an installed PyTorch (LIBTORCH_USE_PYTORCH=1). The first
# run creates a private venv and installs torch into it (a multi-GB download: PyPI only has
# the CUDA build for Linux, whose libtorch_cuda.so needs the nvidia runtime wheels to load even
# on a machine without a GPU). Later runs only export the variables.
#
# Override the venv location with CONCORD_RUST_BERT_VENV.

_concord_rb_setup() {
    local script_path repo venv py want
    if [ -n "${BASH_SOURCE[0]:-}" ]; then
        script_path="${BASH_SOURCE[0]}"
    else
        # zsh: the path of the file being sourced.
        script_path="${(%):-%x}"
    fi
    repo="$(cd "$(dirname "$script_path")/.." && pwd)" || return 1
    venv="${CONCORD_RUST_BERT_VENV:-$repo/.venv-rust-bert}"
    want="2.4.0"

    if [ ! -x "$venv/bin/python" ]; then
        echo "rust-bert-env: creating $venv" >&2
        python3 -m venv "$venv" || return 1
    fi
    py="$venv/bin/python"

    # The version check doubles as the "already installed" marker, so re-sourcing is cheap.
    if ! "$py" -c "import torch, sys; sys.exit(torch.__version__.split('+')[0] != '$want')" \
        2>/dev/null; then
        echo "rust-bert-env: installing torch==$want into $venv (large download, once)" >&2
        "$py" -m pip install --disable-pip-version-check --quiet "torch==$want" || return 1
    fi

    local torch_dir site
    # stderr dropped: torch warns that numpy is missing, which nothing here needs.
    torch_dir="$("$py" -c 'import os, torch; print(os.path.dirname(torch.__file__))' 2>/dev/null)" \
        || return 1
    site="$(dirname "$torch_dir")"

    # Libraries the final binary needs at run time: libtorch itself, and the nvidia runtime
    # libraries that libtorch_cuda.so was linked against (they live in sibling wheels).
    local libs="$torch_dir/lib" d
    for d in "$site"/nvidia/*/lib; do
        [ -d "$d" ] && libs="$libs:$d"
    done

    export LIBTORCH_USE_PYTORCH=1
    export CONCORD_RUST_BERT_VENV="$venv"
    # Prepend only what is missing, so sourcing twice leaves the variables as they were.
    case ":$PATH:" in *":$venv/bin:"*) ;; *) export PATH="$venv/bin:$PATH" ;; esac
    case ":${LD_LIBRARY_PATH:-}:" in
        *":$torch_dir/lib:"*) ;;
        *) export LD_LIBRARY_PATH="$libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" ;;
    esac
    echo "rust-bert-env: torch $want from $torch_dir" >&2
}

_concord_rb_setup
_concord_rb_status=$?
unset -f _concord_rb_setup
if [ "$_concord_rb_status" -ne 0 ]; then
    echo "rust-bert-env: setup failed (status $_concord_rb_status)" >&2
fi
# `return` works when sourced; the `exit` fallback covers `bash scripts/rust-bert-env.sh`.
return "$_concord_rb_status" 2>/dev/null || exit "$_concord_rb_status"
