#!/usr/bin/env bash
# Kills `docsearch index` with SIGKILL at POINTS random moments and checks, after
# each kill, that the index opens (every checksum verified) holding either the
# previous corpus or the new one, never anything else.
#
# usage: Benchmarks/robustness/kill9.sh [POINTS=20] [PLANS=2000]
#   env CORPUS=/tmp/gen20k/plans (read only; PLANS files are linked from it), WORK=/tmp/docsearch-kill9
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
POINTS="${1:-20}"; PLANS="${2:-2000}"
CORPUS="${CORPUS:-/tmp/gen20k/plans}"; WORK="${WORK:-/tmp/docsearch-kill9}"
(cd "$ROOT" && swift build -c release --product docsearch >/dev/null)
BIN="$ROOT/.build/release/docsearch"
rm -rf "$WORK"; mkdir -p "$WORK/small" "$WORK/large"
cp "$ROOT"/corpus/*.txt "$WORK/small/"
python3 - "$CORPUS" "$WORK/large" "$PLANS" <<'PY'
import os, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(src) for f in fs if f.endswith(".txt"))[:n]
for f in files: os.symlink(f, os.path.join(dst, os.path.basename(os.path.dirname(f)) + "-" + os.path.basename(f)))
PY
IDX="$WORK/idx"
count() { "$BIN" search "kế hoạch" --index "$IDX" --json --limit 0 2>&1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }
plans() { ls "$1" | wc -l; }
start=$(date +%s.%N); "$BIN" index "$WORK/large" --rebuild --index "$IDX" >/dev/null; full=$(echo "$(date +%s.%N) - $start" | bc)
declare -A N; N[small]=$("$BIN" index "$WORK/small" --rebuild --index "$IDX" >/dev/null; count); "$BIN" index "$WORK/large" --rebuild --index "$IDX" >/dev/null; N[large]=$(count)
echo "a full run of $(plans "$WORK/large") plans takes $full s; 'kế hoạch' finds ${N[small]} (small) / ${N[large]} (large)"
current=large; old=0; new=0; fail=0
for i in $(seq 1 "$POINTS"); do
  from=$current; next=$([ "$current" = large ] && echo small || echo large)
  delay=$(python3 -c "import random; print(round(random.uniform(0.005, $full * 1.1), 3))")
  "$BIN" index "$WORK/$next" --rebuild --index "$IDX" >/dev/null 2>&1 & pid=$!
  sleep "$delay"; kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  got=$(count)
  if [ "$got" = "${N[$current]}" ]; then old=$((old+1)); state=old
  elif [ "$got" = "${N[$next]}" ]; then new=$((new+1)); state=new; current=$next
  else fail=$((fail+1)); state="BROKEN: $got"; fi
  echo "kill $i after ${delay}s ($from→$next): $state"
done
echo "$POINTS kills: $old left the old index, $new the new one, $fail broken"
[ "$fail" -eq 0 ]
