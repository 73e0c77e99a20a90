#!/usr/bin/env bash
# `docsearch serve` under wrk: CLIENTS (64) connections for DURATION (60 s) over
# a mix of searches; checks zero errors and that resident memory (VmRSS in
# /proc/PID/status) is stable: the last sample within 10% of the one after warm-up.
# usage: Benchmarks/robustness/soak.sh [DURATION=60] [CLIENTS=64]   env INDEX=.docsearch PORT=18082
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DURATION="${1:-60}"; CLIENTS="${2:-64}"; PORT="${PORT:-18082}"; INDEX="${INDEX:-$ROOT/.docsearch}"
(cd "$ROOT" && swift build -c release --product docsearch >/dev/null)
[ -f "$INDEX/MANIFEST" ] || (cd "$ROOT" && .build/release/docsearch index corpus --index "$INDEX" >/dev/null)
"$ROOT/.build/release/docsearch" serve --port "$PORT" --index "$INDEX" >/dev/null 2>&1 & server=$!
trap 'kill $server 2>/dev/null' EXIT
sleep 1
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
wrk -t2 -c "$CLIENTS" -d 5s -s "$ROOT/Benchmarks/http/search.lua" "http://127.0.0.1:$PORT" >/dev/null   # warm-up
warm=$(rss); samples="$warm"
wrk -t2 -c "$CLIENTS" -d "${DURATION}s" --latency -s "$ROOT/Benchmarks/http/search.lua" "http://127.0.0.1:$PORT" > /tmp/docsearch-soak.txt &
w=$!
while kill -0 $w 2>/dev/null; do sleep 10; samples="$samples $(rss)"; done
wait $w
cat /tmp/docsearch-soak.txt
last=$(rss)
echo "VmRSS kB after warm-up $warm, every 10 s: $samples, at the end $last"
errors=$(grep -E "Socket errors|Non-2xx" /tmp/docsearch-soak.txt || true)
[ -z "$errors" ] || { echo "ERRORS: $errors"; exit 1; }
python3 -c "import sys; w,l=$warm,$last; print(f'RSS change {100*(l-w)/w:+.1f}%'); sys.exit(0 if l <= w*1.10 else 1)"
