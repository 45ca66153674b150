#!/bin/sh
# Installs the Debian packages wellread needs, or says exactly how to when it cannot.
#   fonts-noto-core, fonts-noto-cjk: card fonts for Latin, Arabic (Urdu's Nastaliq too), Devanagari,
#     Chinese, Japanese...
#   libfribidi0, libraqm0: right-to-left text and shaping for Pillow (RAQM)
#   gettext: msgfmt --check, msgcat and msgmerge on every catalog wellread writes, in the tests
#     (translate-toolkit's pocount and pofilter come with the Python test extras)
#   chromium: the browser tests (axe-core, keyboard, screenshots) run in Debian's Chromium
#   libpango-1.0-0, libpangoft2-1.0-0, libharfbuzz-subset0: WeasyPrint draws the leaflet PDFs
#   poppler-utils, zbar-tools: the print tests count a printed article's pages and read its QR code
#   npm: installs the pinned axe-core (package-lock.json) for those tests, when node has no npm
#   hugo (only with the argument `bench`, for `make bench`): the fast-generator reference row
set -eu
packages="fonts-noto-core fonts-noto-cjk libfribidi0 libraqm0 gettext chromium poppler-utils zbar-tools libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"
[ "${1:-}" = bench ] && packages="$packages hugo"
missing=""
for package in $packages; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing="$missing $package"
done
command -v npm >/dev/null 2>&1 || missing="$missing npm"
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "wellread needs these packages (or your system's equivalent):$missing" >&2
  exit 0
fi
if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"; else
  echo "wellread needs system packages it cannot install without root. Please run:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
  exit 0
fi
echo "Installing system packages:$missing"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
