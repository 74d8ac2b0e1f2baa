#!/usr/bin/env bash
# The network form's throughput (README, «Performance»): a release
# `klimat serve` on loopback, 1 000 access codes from `klimat codes --txt`,
# and 50 concurrent clients (Python's http.client) posting one commitment
# form each per code to /submit. Prints the forms stored per second.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_deps
cargo build --release --locked -p klimat-cli
k=$PWD/target/release/klimat
dir=$(mktemp -d)
port=18181
cleanup() { kill "${serve:-0}" 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT
id=$($k --db "$dir/k.db" survey create --name Нагрузка --instruments commitment --subdivisions "Отдел кадров")
$k --db "$dir/k.db" codes --survey "$id" --count 1000 --pdf "$dir/s.pdf" --txt "$dir/codes.txt" >/dev/null
$k --db "$dir/k.db" serve --survey "$id" --listen "127.0.0.1:$port" >/dev/null 2>&1 &
serve=$!
sleep 1
python3 - "$dir/codes.txt" "$port" <<'PY'
import http.client, sys, threading, time, urllib.parse
codes = open(sys.argv[1]).read().split()
port = int(sys.argv[2])
clients, ok, lock = 50, [0], threading.Lock()
def work(c):
    for i in range(c, len(codes), clients):
        body = urllib.parse.urlencode(
            [("access_code", codes[i]), ("instrument", "commitment"), ("tenure", "lt1"),
             ("subdivision", "Отдел кадров")]
            + [(f"q{q}", str(1 + (i + q) % 5)) for q in range(1, 16)])
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("POST", "/submit", body, {"Content-Type": "application/x-www-form-urlencoded"})
        r = conn.getresponse(); r.read(); conn.close()
        if r.status == 200:
            with lock:
                ok[0] += 1
start = time.time()
threads = [threading.Thread(target=work, args=(c,)) for c in range(clients)]
for t in threads: t.start()
for t in threads: t.join()
dt = time.time() - start
print(f"network form: {ok[0]} / {len(codes)} forms stored in {dt:.2f} s: {len(codes) / dt:.0f} forms/s")
PY
