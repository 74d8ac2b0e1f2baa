#!/usr/bin/env bash
# Builds the Linux installer on this machine: a .deb in
# target/release/bundle/deb/ with the window (klimat-desktop, menu entry
# «Klimat») and the `klimat` command. (AppImage bundling downloads a tool and is not
# built here; Windows and macOS installers come from .github/workflows/release.yml.)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_deps
command -v npm >/dev/null 2>&1 || {
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm
}
npm ci --no-audit --no-fund
# The `klimat` command goes into the package too (/usr/bin/klimat,
# bundle.linux.deb.files in src-tauri/tauri.conf.json): build it first.
cargo build --release --locked -p klimat-cli
npx tauri build --bundles deb
ls -l target/release/bundle/deb/*.deb
