#!/usr/bin/env bash
# Times hostile queries against an index of the 20,000 generated plans, with the
# release CLI (wall time includes starting the process and opening the index;
# the first line, a plain query, is the baseline to subtract).
# usage: Benchmarks/robustness/querycost.sh   env CORPUS=/tmp/gen20k/plans INDEX=/tmp/docsearch-idx20k
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CORPUS="${CORPUS:-/tmp/gen20k/plans}"; INDEX="${INDEX:-/tmp/docsearch-idx20k}"
(cd "$ROOT" && swift build -c release --product docsearch >/dev/null)
BIN="$ROOT/.build/release/docsearch"
[ -f "$INDEX/MANIFEST" ] || "$BIN" index "$CORPUS" --index "$INDEX"
python3 - "$BIN" "$INDEX" <<'PY'
import subprocess, sys, time
bin, idx = sys.argv[1], sys.argv[2]
queries = ["kế hoạch", "giáo dục " * 1250, "a " * 5000, "bình\x01đẳng\x07giới", '"bình đẳng giới', "!!! ... ??? ;;;",
           "👩‍👩‍👧 🇻🇳 bình đẳng", '"kế hoạch" ' * 500, "-x +y " * 800, "k", "ke hoach thuc hien nam 2023 ubnd tinh so giao duc dao tao",
           "1/1/1/1/1/1/1", "Chỉ thị 20", '"ủy ban nhân dân"']
for q in queries:
    best = None
    for _ in range(3):
        t = time.time(); r = subprocess.run([bin, "search", q, "--index", idx, "--limit", "10"], capture_output=True); e = time.time() - t
        best = e if best is None else min(best, e)
    print(f"{best*1000:8.1f} ms  exit {r.returncode}  {q[:50]!r}{'…' if len(q) > 50 else ''} ({len(q)} chars)")
PY
