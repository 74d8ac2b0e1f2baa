#!/usr/bin/env bash
# Runs Klimat: builds the desktop window (release) and starts it. Without a
# graphical display (a bare server), it starts the window inside Xvfb and
# saves a screenshot, so the run is still visible.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_deps
cargo build --release --locked -p klimat-desktop -p klimat-cli
if [ -n "${DISPLAY:-}" ]; then
  exec ./target/release/klimat-desktop
fi
echo "Графический дисплей не найден: Klimat запускается в виртуальном дисплее Xvfb." >&2
Xvfb :77 -screen 0 1366x768x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
DISPLAY=:77 ./target/release/klimat-desktop &
app=$!
sleep 6
DISPLAY=:77 import -window root klimat-screen.png
echo "Снимок окна: $(pwd)/klimat-screen.png" >&2
for instrument in commitment satisfaction culture; do
  echo
  ./target/release/klimat summary --instrument "$instrument" --input "samples/$instrument.csv"
done
echo >&2
echo "Окно Klimat работает в Xvfb (:77); Ctrl+C — завершить." >&2
wait $app
