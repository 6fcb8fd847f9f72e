#!/usr/bin/env bash
# Print the HTML digest to PDF with headless Chromium and check that every quote of the digest
# (every statement of every theme and unique entry in the JSON digest of the same corpus) is in
# the PDF's text: what a rapporteur who prints the page gets.
#
# Usage: scripts/check-html-pdf.sh [CORPUS]
# Corpus: the argument, else ../shared/devset/corpus beside the repository, else the bundled
# data/wsis-2025.
# Installs Debian's chromium and poppler-utils when missing (needs root and the Debian registry).
# Exit status: 0 when every quote is found, 1 naming the missing ones, 2 when it cannot run.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=${1:-../shared/devset/corpus}
[ $# -gt 0 ] || [ -d "$corpus" ] || corpus=data/wsis-2025

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
    echo "check-html-pdf: installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" >/dev/null
fi

work=$(mktemp -d)
profile=$(mktemp -d)
trap 'rm -rf "$work" "$profile"' EXIT

cargo run --release --quiet -- digest "$corpus" --format html --out "$work/digest.html"
cargo run --release --quiet -- digest "$corpus" --format json --out "$work/digest.json"

# No header or footer: they would put a date and a URL between the halves of a quote that
# runs over a page break.
if ! timeout 300 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --no-pdf-header-footer \
    --print-to-pdf="$work/digest.pdf" "file://$work/digest.html" >"$work/chromium.log" 2>&1 ||
    [ ! -s "$work/digest.pdf" ]; then
    echo "check-html-pdf: chromium did not print $corpus's digest to PDF:" >&2
    tail -20 "$work/chromium.log" >&2
    exit 2
fi
pdftotext -enc UTF-8 "$work/digest.pdf" "$work/digest.txt"

python3 - "$work/digest.json" "$work/digest.txt" "$work/digest.pdf" "$corpus" <<'EOF'
import json, re, sys, unicodedata

digest_json, text_file, pdf, corpus = sys.argv[1:]


def squash(s):
    # Line breaks, page breaks and hyphens at a wrap are where a PDF's text differs from the
    # HTML's: drop all whitespace and every hyphen, on both sides.
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"[\s\u00ad\u2010\u2011-]+", "", s)


digest = json.load(open(digest_json, encoding="utf-8"))
quotes = [st["text"] for key in ("themes", "unique")
          for t in digest.get(key, []) for st in t.get("statements", [])]
pages = open(text_file, encoding="utf-8").read()
text = squash(pages)
missing = [q for q in quotes if squash(q) not in text]
print(f"check-html-pdf: {corpus}: {len(quotes) - len(missing)} of {len(quotes)} quotes found "
      f"in the PDF text ({pages.count(chr(12))} pages)")
for q in missing:
    print(f"  missing: {q}")
sys.exit(1 if missing else 0)
EOF
