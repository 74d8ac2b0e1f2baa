#!/usr/bin/env bash
# Installs Klimat's .deb on a pristine Debian 12 and starts it there.
#
# A minimal Debian 12 (debootstrap --variant=minbase: no X, no GTK, no fonts)
# is made in a folder; the .deb is installed into it with apt, which must
# bring every library the package needs from its Depends alone; then an
# ordinary user starts the app on an Xvfb display of the host (only the X
# socket is shared), and a screenshot is saved. Run as root, after
# ./scripts/package.sh. Needs the Debian mirror (debootstrap, apt).
#
#   ./scripts/check-deb.sh [path/to/Klimat.deb]   → docs/installed-deb.png
set -euo pipefail
cd "$(dirname "$0")/.."
deb=${1:-$(ls -t target/release/bundle/deb/*.deb 2>/dev/null | head -1)}
[ -f "$deb" ] || { echo "Пакет .deb не найден: сначала ./scripts/package.sh" >&2; exit 2; }
root=${KLIMAT_CHROOT:-/var/tmp/klimat-deb12}
shot=${KLIMAT_SHOT:-docs/installed-deb.png}
display=:88

tools=(debootstrap xvfb xauth imagemagick)
dpkg -s "${tools[@]}" >/dev/null 2>&1 || {
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${tools[@]}"
}

cleanup() {
  set +e
  [ -n "${app:-}" ] && kill "$app" 2>/dev/null
  [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null
  sleep 1
  for m in tmp/.X11-unix dev/pts dev sys proc; do
    mountpoint -q "$root/$m" && umount -l "$root/$m"
  done
}
trap cleanup EXIT

# A fresh system every time (up to 4 minutes), so that nothing installed by
# an earlier run hides a missing dependency; KLIMAT_CHROOT_REUSE=1 skips it.
if [ "${KLIMAT_CHROOT_REUSE:-0}" != 1 ] || [ ! -x "$root/usr/bin/apt-get" ]; then
  echo "Создается чистая Debian 12 в $root" >&2
  rm -rf "$root"
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null
fi
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --rbind /dev "$root/dev"
mkdir -p "$root/tmp/.X11-unix"
mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"

echo "Пакет: $deb ($(du -h "$deb" | cut -f1))" >&2
cp "$deb" "$root/tmp/klimat.deb"
chroot "$root" apt-get update -qq
before=$(chroot "$root" dpkg-query -W -f '.\n' | wc -l)
DEBIAN_FRONTEND=noninteractive chroot "$root" apt-get install -y -qq --no-install-recommends /tmp/klimat.deb >/dev/null
after=$(chroot "$root" dpkg-query -W -f '.\n' | wc -l)
echo "Установлено: klimat и $((after - before - 1)) пакетов-зависимостей (было $before пакетов)" >&2
chroot "$root" dpkg -L klimat | grep -E 'bin/|\.desktop$' >&2
# The command line installed beside the window scores the worked example.
cp samples/commitment.csv "$root/tmp/commitment.csv"
chroot "$root" klimat summary --instrument commitment --input /tmp/commitment.csv | head -5 >&2
chroot "$root" id clerk >/dev/null 2>&1 || chroot "$root" useradd -m clerk

Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
log=$(mktemp)
chroot --userspec=clerk:clerk "$root" env -i HOME=/home/clerk DISPLAY="$display" \
  LANG=C.UTF-8 PATH=/usr/bin:/bin /usr/bin/klimat-desktop >"$log" 2>&1 &
app=$!
for _ in $(seq 1 60); do
  grep -q 'first screen painted' "$log" && break
  sleep 0.5
done
sleep 2
cat "$log" >&2
grep -q 'first screen painted' "$log" || { echo "Окно не отрисовалось" >&2; exit 1; }
DISPLAY=$display import -window root "$shot"
ls -l "$root/home/clerk/.local/share/klimat/" >&2
echo "Снимок установленного приложения: $shot" >&2
