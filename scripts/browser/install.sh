#!/usr/bin/env bash
# Installs what the browser tests, screenshots and Lighthouse need, from Debian's packages only:
# Chromium (driven by Playwright for Python; never a browser download) and Noto fonts, so Ge'ez
# (Amharic, Tigrinya) and Vietnamese render as readers see them. Idempotent; needs root.
set -euo pipefail

PACKAGES=(chromium fonts-noto-core)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done

if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
/usr/bin/chromium --version
