#!/usr/bin/env bash
# Installs everything the app and its tests need on a Debian or Ubuntu machine that has git,
# a Rust toolchain and Node.js. Each step checks first and does nothing when already done.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# System packages: WebKitGTK and GTK for the window, Xvfb and D-Bus for a display-less run,
# WebKitWebDriver for the end-to-end tests, poppler-utils (pdftotext, pdfinfo) for the tests
# that read the PDF report back, desktop-file-validate for the package check.
APT_PACKAGES=(
  build-essential pkg-config curl file
  libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev libssl-dev libxdo-dev
  webkit2gtk-driver xvfb xauth dbus dbus-x11 at-spi2-core desktop-file-utils
  poppler-utils
)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  say "installing system packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Rust components the gates use.
if command -v rustup >/dev/null 2>&1; then
  for c in rustfmt clippy; do
    rustup component list --installed 2>/dev/null | grep -q "^$c" || { say "adding rust component $c"; rustup component add "$c"; }
  done
fi

# tauri-driver bridges WebDriver to the app's webview.
if ! command -v tauri-driver >/dev/null 2>&1; then
  say "installing tauri-driver"
  cargo install tauri-driver --version 2.1.0 --locked
fi

# npm dependencies, exactly as locked; reinstalled only when the lock file changes.
for dir in ui tests/e2e; do
  stamp="$dir/node_modules/.atlas-lock-hash"
  want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" > "$stamp"
  fi
done
