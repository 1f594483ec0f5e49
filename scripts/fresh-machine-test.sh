#!/usr/bin/env bash
# Proves that `npm install && npm test` needs nothing but Node: runs it in a fresh clone inside a
# mount namespace that hides what a machine with only Node lacks, on this (Debian, root) machine:
#   - Chromium (/usr/bin/chromium, /usr/lib/chromium) and the NSS/NSPR libraries it links
#   - every font (/usr/share/fonts, /usr/local/share/fonts, the fontconfig snippets naming them):
#     `fc-list :lang=zh` is checked to list nothing
#   - PostgreSQL (/usr/lib/postgresql, its socket folder /var/run/postgresql); the tests run in a
#     network namespace of their own (loopback only), so the machine's cluster on 127.0.0.1:5432 is
#     out of reach too, and TEST_DATABASE_URL is unset
#   - poppler (pdftoppm, pdftotext, pdffonts, pdfinfo)
# The tests must then bring their own: an embedded PostgreSQL, the Chromium inside
# @sparticuz/chromium, the app's bundled Noto Sans SC, MuPDF for PDFs.
#
# Usage (as root, which unshare needs):
#   scripts/fresh-machine-test.sh [--clone-to DIR] [--no-install] [-- COMMAND...]
# Defaults: clones the current commit of this repository to /tmp/fresh-onewindow (replacing it),
# runs `npm install`, then `npm test`. A COMMAND after `--` replaces `npm test`, e.g.
#   scripts/fresh-machine-test.sh -- npx playwright test tests/e2e/documents.spec.ts
# (after `npm run build`, which `npm test` does itself).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
target=/tmp/fresh-onewindow
install=1
command=(npm test)
while [ $# -gt 0 ]; do
  case "$1" in
    --clone-to) target="$2"; shift 2 ;;
    --no-install) install=0; shift ;;
    --) shift; command=("$@"); break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" -eq 0 ] || { echo "run as root: unshare and mount need it" >&2; exit 2; }

if [ "$install" -eq 1 ]; then
  rm -rf "$target"
  git clone --quiet "$repo" "$target"
fi

empty="$(mktemp -d)"
trap 'rmdir "$empty"' EXIT

# Everything below runs in a private mount namespace: the binds vanish with it.
export FRESH_EMPTY="$empty" FRESH_TARGET="$target" FRESH_INSTALL="$install"
unshare --mount --propagation private bash -s -- "${command[@]}" <<'INSIDE'
set -euo pipefail
hide_dir() { [ -d "$1" ] && mount --bind "$FRESH_EMPTY" "$1" || true; }
hide_file() { [ -e "$1" ] && mount --bind /dev/null "$1" || true; }

hide_file /usr/bin/chromium
hide_dir /usr/lib/chromium
for lib in libnss3.so libnssutil3.so libnspr4.so libplc4.so libplds4.so; do
  hide_file "/usr/lib/x86_64-linux-gnu/$lib"
done
hide_dir /usr/share/fonts
hide_dir /usr/local/share/fonts
for conf in /etc/fonts/conf.d/*; do
  case "$(basename "$conf")" in *wqy* | *cjk* | *CJK* | *noto* | *droid* | *arphic*) hide_file "$conf" ;; esac
done
hide_dir /usr/lib/postgresql
hide_dir /var/run/postgresql
for tool in pdftoppm pdftotext pdffonts pdfinfo; do hide_file "/usr/bin/$tool"; done
unset TEST_DATABASE_URL CHROMIUM_PATH DATABASE_URL

echo "== hidden: chromium=$(command -v chromium >/dev/null && [ -s /usr/bin/chromium ] && echo present || echo gone)," \
  "CJK fonts=$(fc-list :lang=zh 2>/dev/null | wc -l), all fonts=$(fc-list 2>/dev/null | wc -l)," \
  "postgres=$(ls /usr/lib/postgresql | wc -l) entries, pdftoppm=$([ -s /usr/bin/pdftoppm ] && echo present || echo gone)"

# The install reaches the npm registry; the tests then run in a network namespace of their own,
# loopback only (the machine's PostgreSQL on 127.0.0.1:5432 is in the other one).
cd "$FRESH_TARGET"
if [ "$FRESH_INSTALL" -eq 1 ]; then npm install --no-audit --no-fund; fi
echo "== running: $*"
unshare --net bash -c 'ip link set lo up && exec "$@"' -- "$@"
INSIDE
