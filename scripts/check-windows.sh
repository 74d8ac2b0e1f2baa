#!/usr/bin/env bash
# Tries the Windows build of Klimat under Debian's Wine, on this Linux
# machine: the worked example scored by klimat.exe, a Windows-1251 CSV
# imported from a folder with a Cyrillic name, the database in
# %APPDATA%\Klimat, a second klimat.exe refused while the first holds the
# database, a report PDF and XLSX, portable mode, the installer's silent
# install and uninstall, and klimat-desktop.exe started as far as Wine
# lets it (a screenshot in target/windows/desktop-under-wine.png).
# Builds with scripts/package-windows.sh first. Exits 1 at the first check
# that fails, saying which. Part of scripts/test.sh (KLIMAT_SKIP_WINDOWS=1
# leaves it out).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_deps
ensure_windows_deps

out="$PWD/target/windows"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
# Always through the packaging script: cargo rebuilds only what changed, so
# the files tried are the ones the sources give now.
scripts/package-windows.sh

export WINEPREFIX="$out/wine"
export WINEDEBUG=-all
# No Mono or Gecko: nothing here needs them, and their installers would ask.
export WINEDLLOVERRIDES="mscoree,mshtml="
rm -rf "$WINEPREFIX"
wineboot -i >/dev/null 2>&1
wineserver -w

# Wine 8 lacks bcryptprimitives.dll (ProcessPrng), which Rust's standard
# library imports; a shim for testing only (real Windows 10/11 has it).
shim="$out/shim"
mkdir -p "$shim"
cat >"$shim/shim.c" <<'C'
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID, ULONG);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE d, SIZE_T n) {
  while (n) { ULONG k = n > 0x7fffffff ? 0x7fffffff : (ULONG)n;
    if (!SystemFunction036(d, k)) return FALSE; d += k; n -= k; }
  return TRUE; }
C
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  "$shim/shim.c" -ladvapi32

fail() { echo "НЕ ПРОЙДЕНО: $*" >&2; exit 1; }
ok() { echo "пройдено: $*"; }
exe="$out/stage/klimat.exe"
user=$(wine cmd /c 'echo %USERNAME%' 2>/dev/null | tr -d '\r')
appdata="$WINEPREFIX/drive_c/users/$user/AppData/Roaming"

# 1. The worked example (Table Б.2), from a Windows path.
mkdir -p "$WINEPREFIX/drive_c/Klimat-test"
cp tests/fixtures/commitment-b2.csv "$WINEPREFIX/drive_c/Klimat-test/b2.csv"
json=$(wine "$exe" score --instrument commitment --input 'C:\Klimat-test\b2.csv' | tr -d '\r')
grep -q '"OP":2138' <<<"$json" || fail "OP 2138: $json"
grep -q '"P":45.683' <<<"$json" || fail "P 45,68 %"
ok "klimat.exe: пример таблицы Б.2 — OP 2138, P 45,68 %"

# 2. A Windows-1251 CSV in C:\Users\Иван\Документы\Анкеты 2026\.
dir="$WINEPREFIX/drive_c/users/Иван/Документы/Анкеты 2026"
mkdir -p "$dir"
iconv -f UTF-8 -t WINDOWS-1251 tests/fixtures/commitment-b2.csv >"$dir/формы 1251.csv"
win='C:\Users\Иван\Документы\Анкеты 2026'
id=$(wine "$exe" survey create --name "Диагностика 2026" --instruments commitment --date 2026-11-23 \
  --subdivisions "Управление делами;Отдел кадров;Идеологический отдел;Финансовый отдел" | tr -d '\r')
[ "$id" = 1 ] || fail "survey create: $id"
[ -f "$appdata/Klimat/klimat.db" ] || fail "база в %APPDATA%\\Klimat"
ok "база данных создана в %APPDATA%\\Klimat"
imported=$(wine "$exe" import --survey 1 "$win\\формы 1251.csv" | tr -d '\r')
grep -q "Загружено анкет: 120" <<<"$imported" || fail "импорт CSV Windows-1251 из папки с кириллицей: $imported"
ok "импорт CSV в Windows-1251 из $win"

# 3. A second klimat.exe while the first holds the database.
big="$WINEPREFIX/drive_c/Klimat-test/big.csv"
head -1 tests/fixtures/commitment-b2.csv >"$big"
for i in $(seq 1 2000); do
  tail -n +2 tests/fixtures/commitment-b2.csv | sed "s/^\([^,;]*\)/B$i-\1/"
done >>"$big"
wine "$exe" survey create --name "Большое" --instruments commitment \
  --subdivisions "Управление делами;Отдел кадров;Идеологический отдел;Финансовый отдел" >/dev/null
wine "$exe" import --survey 2 'C:\Klimat-test\big.csv' >/dev/null 2>&1 &
first=$!
refused=""
for _ in $(seq 1 100); do
  sleep 0.2
  if msg=$(wine "$exe" survey list 2>&1); then :; else
    if grep -q "уже открыта другой копией Klimat" <<<"$msg"; then refused=yes; break; fi
  fi
  kill -0 "$first" 2>/dev/null || break
done
wait "$first" || true
[ -n "$refused" ] || fail "вторая копия klimat.exe не получила отказа"
ok "вторая копия klimat.exe на той же базе получает отказ"

# 4. The report into the Cyrillic folder.
wine "$exe" report --survey 1 --pdf "$win\\Отчет 2026.pdf" --xlsx "$win\\Отчет 2026.xlsx" >/dev/null
report=$(pdftotext "$dir/Отчет 2026.pdf" -)
grep -q "45,68 %" <<<"$report" || fail "отчет PDF"
[ -s "$dir/Отчет 2026.xlsx" ] || fail "отчет XLSX"
ok "отчет PDF и XLSX записаны в $win"

# 5. Portable mode: the database beside the program.
port="$WINEPREFIX/drive_c/Флешка"
rm -rf "$port" && mkdir -p "$port"
(cd "$port" && unzip -q "$out/Klimat-$version-portable.zip")
wine "$port/Klimat/klimat.exe" survey create --name "Переносная" --instruments culture >/dev/null
[ -f "$port/Klimat/klimat-data/klimat.db" ] || fail "переносной режим"
ok "переносной режим: база в папке программы (klimat-data)"

# 6. The installer, silently, and the uninstaller.
wine "$out/Klimat-$version-setup.exe" /S
wineserver -w
prog="$WINEPREFIX/drive_c/users/$user/AppData/Local/Programs/Klimat"
[ -f "$prog/klimat.exe" ] && [ -f "$prog/klimat-desktop.exe" ] || fail "установка /S"
[ -n "$(find "$WINEPREFIX/drive_c/users/$user" -name 'Klimat.lnk')" ] || fail "ярлык в меню «Пуск»"
path=$(wine reg query 'HKCU\Environment' /v Path 2>/dev/null | tr -d '\r')
grep -q 'Programs\\Klimat' <<<"$path" || fail "папка Klimat в PATH пользователя: $path"
installed=$(wine "$prog/klimat.exe" --version | tr -d '\r')
grep -q "$version" <<<"$installed" || fail "установленный klimat.exe: $installed"
ok "установщик: тихая установка (/S) для пользователя, ярлык, klimat в PATH"
wine "$prog/uninstall.exe" /S
wineserver -w
for _ in $(seq 1 50); do [ -e "$prog/klimat.exe" ] || break; sleep 0.2; done
[ ! -e "$prog/klimat.exe" ] || fail "удаление /S"
ok "удаление (/S): программа удалена, данные в %APPDATA%\\Klimat остались"
[ -f "$appdata/Klimat/klimat.db" ] || fail "данные пользователя после удаления"

# 7. The window, as far as Wine goes. Wine has no WebView2 Runtime: Tauri
# says so in its own (English) dialog, then Klimat's message in Russian
# explains what to do. Both are photographed.
shots="$out/desktop-under-wine"
rm -f "$shots"-*.png
xvfb-run -a -s "-screen 0 1024x700x24" bash -c "
  wine '$out/stage/klimat-desktop.exe' >'$out/desktop.log' 2>&1 &
  sleep 12
  import -window root '$shots-1.png'
  xdotool key Return
  sleep 5
  import -window root '$shots-2.png'
  xdotool key Return
  sleep 2
  wineserver -k
" || true
[ -s "$shots-1.png" ] && [ -s "$shots-2.png" ] || fail "снимки экрана klimat-desktop.exe"
ok "klimat-desktop.exe под Wine: без WebView2 — сообщение Tauri, затем сообщение Klimat ($shots-1.png, $shots-2.png)"
