#!/usr/bin/env bash
# Build step: the self-hosted Ge'ez font for Amharic and Tigrinya pages (OFL-1.1), taken from a
# package rather than committed. Writes portal/static/fonts/ (git-ignored): two WOFF2 files,
# Noto Sans Ethiopic 400 and 700 cut to the Ethiopic block by Fontsource, ~75 KB each,
# and ethiopic.css, which base.html links on /am/ and /ti/ pages only (see portal_tags).
# Source: npm's @fontsource/noto-sans-ethiopic; without npm, Debian's fonts-noto-core TTFs.
# Without either the site still works: portal.css names the system fonts that carry Ge'ez.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
VERSION=${FONTSOURCE_VERSION:-5.3.0}
OUT=portal/static/fonts
DEBIAN_DIR=/usr/share/fonts/truetype/noto
mkdir -p "$OUT" build/fonts

write_css() {  # $1: file extension, $2: CSS format name
  cat >"$OUT/ethiopic.css" <<CSS
/* Built by scripts/fonts.sh: Noto Sans Ethiopic, SIL Open Font License 1.1.
   local() first: phones and computers that carry the font never download it, and the
   unicode-range means a page with no Ge'ez text downloads nothing. */
@font-face {
  font-family: "Noto Sans Ethiopic";
  font-style: normal;
  font-weight: 400;
  font-display: swap;
  src: local("Noto Sans Ethiopic"), local("NotoSansEthiopic-Regular"),
    url("noto-sans-ethiopic-400.$1") format("$2");
  unicode-range: U+1200-139F, U+2D80-2DDF, U+AB00-AB2F, U+1E7E0-1E7FF;
}
@font-face {
  font-family: "Noto Sans Ethiopic";
  font-style: normal;
  font-weight: 700;
  font-display: swap;
  src: local("Noto Sans Ethiopic Bold"), local("NotoSansEthiopic-Bold"),
    url("noto-sans-ethiopic-700.$1") format("$2");
  unicode-range: U+1200-139F, U+2D80-2DDF, U+AB00-AB2F, U+1E7E0-1E7FF;
}
CSS
}

if [ -s "$OUT/ethiopic.css" ] && [ "${FORCE:-}" != 1 ]; then
  exit 0  # already built
fi

if command -v npm >/dev/null && tarball=$(cd build/fonts && npm pack --silent \
    "@fontsource/noto-sans-ethiopic@$VERSION" 2>/dev/null); then
  tar -xzf "build/fonts/$tarball" -C build/fonts
  for weight in 400 700; do
    cp "build/fonts/package/files/noto-sans-ethiopic-ethiopic-$weight-normal.woff2" \
      "$OUT/noto-sans-ethiopic-$weight.woff2"
  done
  cp build/fonts/package/LICENSE "$OUT/LICENSE-noto-sans-ethiopic.txt" 2>/dev/null || true
  write_css woff2 woff2
  echo "fonts: Noto Sans Ethiopic $VERSION from npm into $OUT"
elif [ -f "$DEBIAN_DIR/NotoSansEthiopic-Regular.ttf" ]; then
  cp "$DEBIAN_DIR/NotoSansEthiopic-Regular.ttf" "$OUT/noto-sans-ethiopic-400.ttf"
  cp "$DEBIAN_DIR/NotoSansEthiopic-Bold.ttf" "$OUT/noto-sans-ethiopic-700.ttf"
  write_css ttf truetype
  echo "fonts: Noto Sans Ethiopic from Debian's fonts-noto-core into $OUT"
else
  echo "fonts: neither npm nor fonts-noto-core found; Ge'ez uses the reader's system fonts" >&2
fi
