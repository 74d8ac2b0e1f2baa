# Shared by run.sh and test.sh: installs, on Debian 12, what building and
# testing Klimat needs. Safe to run again: it installs only what is missing.
# Run as root (or with sudo available).

# Installs those of the given Debian packages that are not installed yet.
install_missing() {
  local missing=()
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if ((${#missing[@]})); then
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    echo "Устанавливаются системные пакеты: ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

ensure_deps() {
  # Build tools; poppler-utils to read PDFs back in tests; the webkit/gtk
  # stack Tauri builds against; Xvfb, xauth, ImageMagick and WebKitWebDriver
  # to run, screenshot and drive the window headless.
  local packages=(build-essential pkg-config ca-certificates curl poppler-utils
    libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev libssl-dev
    file patchelf xvfb xauth imagemagick webkit2gtk-driver python3-yaml
    fonts-crosextra-carlito)
  install_missing "${packages[@]}"
  if ! command -v cargo >/dev/null 2>&1 && [ -f "$HOME/.cargo/env" ]; then
    # shellcheck disable=SC1091
    . "$HOME/.cargo/env"
  fi
  if ! command -v cargo >/dev/null 2>&1; then
    echo "Устанавливается Rust (rustup, stable)" >&2
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs |
      sh -s -- -y --profile minimal --component rustfmt,clippy
    # shellcheck disable=SC1091
    . "$HOME/.cargo/env"
  fi
  # tauri-driver bridges WebDriver to the Tauri window for the end-to-end tests.
  if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
    echo "Устанавливается tauri-driver" >&2
    cargo install tauri-driver --version '^2' --locked
  fi
  if command -v rustup >/dev/null 2>&1; then
    for c in rustfmt clippy; do
      rustup component list --installed 2>/dev/null | grep -q "^$c" || rustup component add "$c"
    done
  fi
}

# What the Windows cross build and its check under Wine need: the mingw
# toolchain, Debian's makensis, zip, Wine (64-bit) and Rust's Windows target.
ensure_windows_deps() {
  local packages=(gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 nsis zip unzip wine wine64 xdotool)
  install_missing "${packages[@]}"
  rustup target list --installed | grep -q '^x86_64-pc-windows-gnu$' ||
    rustup target add x86_64-pc-windows-gnu
}
