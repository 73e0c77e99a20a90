#!/usr/bin/env bash
# A 100 MB single plan (a real plan repeated), a file of 1 MB lines, and one
# with NUL bytes, indexed by the release build; prints time and peak memory
# (GNU time's maximum resident set size).
# usage: Benchmarks/robustness/extremes.sh [MB=100]   env WORK=/tmp/docsearch-extremes
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
MB="${1:-100}"; WORK="${WORK:-/tmp/docsearch-extremes}"
(cd "$ROOT" && swift build -c release --product docsearch >/dev/null)
rm -rf "$WORK"; mkdir -p "$WORK/plans"
python3 - "$ROOT/corpus/bo-gddt-2022-tong-ket-chi-thi-20.txt" "$WORK/plans" "$MB" <<'PY'
import sys
plan, out, mb = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2], int(sys.argv[3])
with open(out + "/huge.txt", "w", encoding="utf-8") as f:
    n, i = 0, 0
    while n < mb << 20:
        s = plan + f"\nPhụ lục {i}\n"; f.write(s); n += len(s.encode()); i += 1
line = plan.replace("\n", " ")
with open(out + "/long-lines.txt", "w", encoding="utf-8") as f:
    for _ in range(4): f.write((line * (1 + (1 << 20) // len(line.encode())))[: 1 << 20] + "\n")
data = bytearray(plan.encode())
for k in range(1000, len(data), 997):
    if data[k] < 0x80: data[k] = 0
open(out + "/nul.txt", "wb").write(bytes(data))
PY
ls -la "$WORK/plans"
# By default a file over 64 MB is skipped, named with its size; then the limit is raised
# so that the 100 MB file is indexed and measured.
"$ROOT/.build/release/docsearch" index "$WORK/plans" --index "$WORK/idx" || true
/usr/bin/time -f "index: %e s wall, %M kB peak RSS" "$ROOT/.build/release/docsearch" index "$WORK/plans" --index "$WORK/idx" \
    --max-file-size $((MB + 16)) || true
/usr/bin/time -f "search: %e s wall, %M kB peak RSS" "$ROOT/.build/release/docsearch" search "Chỉ thị 20" --index "$WORK/idx" --limit 3 | head -5
