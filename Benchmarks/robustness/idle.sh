#!/usr/bin/env bash
# Opens IDLE (1000) idle connections to `docsearch serve`, then times a new
# client's search: it must be served promptly (under 1 s).
# usage: Benchmarks/robustness/idle.sh [IDLE=1000]   env INDEX=.docsearch PORT=18081
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
IDLE="${1:-1000}"; PORT="${PORT:-18081}"; INDEX="${INDEX:-$ROOT/.docsearch}"
(cd "$ROOT" && swift build -c release --product docsearch >/dev/null)
[ -f "$INDEX/MANIFEST" ] || (cd "$ROOT" && .build/release/docsearch index corpus --index "$INDEX" >/dev/null)
ulimit -n 8192
"$ROOT/.build/release/docsearch" serve --port "$PORT" --index "$INDEX" >/dev/null 2>&1 & server=$!
trap 'kill $server 2>/dev/null' EXIT
sleep 1
python3 - "$PORT" "$IDLE" <<'PY'
import socket, sys, time, urllib.request
port, n = int(sys.argv[1]), int(sys.argv[2])
idle = []
for _ in range(n):
    s = socket.create_connection(("127.0.0.1", port)); s.send(b"GET / HTTP/1.1\r\nHo"); idle.append(s)  # half a request, then nothing
time.sleep(0.5)
t = time.time()
body = urllib.request.urlopen(f"http://127.0.0.1:{port}/api/search?q=b%C3%ACnh+%C4%91%E1%BA%B3ng+gi%E1%BB%9Bi", timeout=5).read()
took = time.time() - t
alive = sum(1 for s in idle if s.fileno() >= 0)
print(f"{n} idle connections held; a new client was answered in {took*1000:.1f} ms ({len(body)} bytes)")
sys.exit(0 if took < 1.0 else 1)
PY
