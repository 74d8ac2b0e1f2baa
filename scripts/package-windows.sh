#!/usr/bin/env bash
# Builds Klimat for Windows on this Linux machine: cross-compiles klimat.exe
# and klimat-desktop.exe (x86_64, release, mingw) and packs
#   - target/windows/Klimat-<version>-setup.exe: a per-user installer built
#     with Debian's makensis from packaging/windows/klimat.nsi (no
#     administrator rights; Start-menu entry «Klimat»; klimat.exe on the
#     user's PATH; uninstaller; silent with /S);
#   - target/windows/Klimat-<version>-portable.zip: both executables (and
#     WebView2Loader.dll, which the mingw-built window loads), the
#     `portable` marker, the font licence and «Прочтите.txt», for USB sticks.
# Prints their sizes. Tauri's own NSIS bundler is not used: it downloads its
# NSIS plugins, which cannot work offline. WebView2 is not embedded (Windows
# 10 and 11 have it; see README, «Windows»).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_deps
ensure_windows_deps

target=x86_64-pc-windows-gnu
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
cargo build --release --locked --target "$target" -p klimat-cli -p klimat-desktop
bin="target/$target/release"

out=target/windows
stage="$out/stage"
rm -rf "$stage"
mkdir -p "$stage"
for exe in klimat.exe klimat-desktop.exe; do
  x86_64-w64-mingw32-strip -o "$stage/$exe" "$bin/$exe"
done
# A mingw build of the window imports WebView2Loader.dll (only MSVC builds
# link it statically): it ships beside klimat-desktop.exe. The build puts
# Microsoft's redistributable copy (from the webview2-com-sys crate) here.
cp "$bin/WebView2Loader.dll" "$stage/"
cp icons/icon.ico "$stage/klimat.ico"
cp crates/report/fonts/LICENSE-LiberationSerif.txt "$stage/"
# Notepad reads UTF-8 with a BOM and CRLF line ends everywhere.
printf '\xef\xbb\xbf' >"$stage/Прочтите.txt"
sed 's/$/\r/' packaging/windows/Прочтите.txt >>"$stage/Прочтите.txt"

setup="$out/Klimat-$version-setup.exe"
makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$version" -DSRC="$PWD/$stage" \
  -DOUT="$PWD/$setup" packaging/windows/klimat.nsi

zip="$out/Klimat-$version-portable.zip"
rm -f "$zip"
portable="$out/Klimat"
rm -rf "$portable"
mkdir -p "$portable"
cp "$stage/klimat.exe" "$stage/klimat-desktop.exe" "$stage/WebView2Loader.dll" \
  "$stage/LICENSE-LiberationSerif.txt" \
  "$stage/Прочтите.txt" "$portable/"
: >"$portable/portable"
(cd "$out" && zip -q -r -X "$(basename "$zip")" Klimat)

echo "Windows (x86_64):"
for f in "$setup" "$zip" "$stage/klimat.exe" "$stage/klimat-desktop.exe"; do
  printf '  %-45s %s\n' "$f" "$(numfmt --to=iec --suffix=B "$(stat -c %s "$f")")"
done
