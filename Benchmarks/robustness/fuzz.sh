#!/usr/bin/env bash
# Builds the libFuzzer targets in Tests/Fuzz (debug, -sanitize=fuzzer,address)
# and runs each for SECONDS seconds, JOBS at a time, with seeds made from the
# real seed plans and a real index of them.
#
# usage: Benchmarks/robustness/fuzz.sh [SECONDS=600] [TARGET…]
#   env JOBS=2 (targets run at once), WORK=/tmp/docsearch-fuzz (corpora, crashes, logs)
#
# A crash leaves crash-*/leak-*/timeout-* files in $WORK/artifacts/TARGET/ and the
# script exits 1. Replay one with: Tests/Fuzz/.build/debug/TARGET FILE
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SECONDS_EACH="${1:-600}"; shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(FuzzNormalizer FuzzCitations FuzzQuery FuzzHTTPParser FuzzIndexReader)
JOBS="${JOBS:-2}"
WORK="${WORK:-/tmp/docsearch-fuzz}"
FUZZ="$ROOT/Tests/Fuzz"
FLAGS=(-c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld)

for t in "${TARGETS[@]}"; do
  echo "building $t"
  (cd "$FUZZ" && swift build "${FLAGS[@]}" --product "$t" 2>&1 | grep -v "Cannot export local symbol" | grep -E "error|complete")
done

# Seeds: slices of the real plans (text targets), HTTP requests, and the payloads of a real index.
mkdir -p "$WORK"
seed() { mkdir -p "$WORK/corpus/$1"; }
seed FuzzNormalizer; seed FuzzCitations; seed FuzzQuery; seed FuzzHTTPParser; seed FuzzIndexReader
for f in "$ROOT"/corpus/*.txt; do
  b=$(basename "$f" .txt)
  head -c 3000 "$f" > "$WORK/corpus/FuzzNormalizer/$b"
  iconv -f UTF-8 -t UTF-16 "$f" 2>/dev/null | head -c 3000 > "$WORK/corpus/FuzzNormalizer/$b.utf16" || true
  iconv -f UTF-8 -t TCVN5712-1//TRANSLIT "$f" 2>/dev/null | head -c 3000 > "$WORK/corpus/FuzzNormalizer/$b.tcvn" || true
  iconv -f UTF-8 -t CP1258 "$f" 2>/dev/null | head -c 3000 > "$WORK/corpus/FuzzNormalizer/$b.cp1258" || true
  grep -E "Chỉ thị|Quyết định|Nghị định|Luật|Thông tư|/" "$f" | head -40 > "$WORK/corpus/FuzzCitations/$b" || true
  head -c 1500 "$f" > "$WORK/corpus/FuzzCitations/$b.head"
done
i=0
for q in 'bình đẳng giới' '"xã hội học tập" -2020' 'Chỉ thị 20' '1373/QĐ-TTg' 'nghi dinh 162/2017' '+giáo +dục quyền' \
         'Quyết định số 2421/KH-SGDĐT năm 2023' '"unbalanced' '((( )))' '-' 'so gddt long an'; do
  printf '%s' "$q" > "$WORK/corpus/FuzzQuery/q$i"; i=$((i+1))
done
printf '\x10GET /search?q=b%%C3%%ACnh+%%C4%%91%%E1%%BA%%B3ng HTTP/1.1\r\nHost: a\r\n\r\n' > "$WORK/corpus/FuzzHTTPParser/get"
printf '\x03GET /a HTTP/1.1\r\nHost: a\r\nConnection: keep-alive\r\n\r\nHEAD /plans/x HTTP/1.0\r\n\r\n' > "$WORK/corpus/FuzzHTTPParser/pipelined"
printf '\x07POST /api/search HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello' > "$WORK/corpus/FuzzHTTPParser/post"
IDX="$WORK/seed-index"
rm -rf "$IDX"
(cd "$ROOT" && swift build --product docsearch >/dev/null && .build/debug/docsearch index corpus --index "$IDX" >/dev/null)
payload() { tail -c +9 "$1" | head -c -20; } # the container's 8-byte header and 20-byte footer off
for s in "$IDX"/*.dseg; do { printf '\x00'; payload "$s"; } > "$WORK/corpus/FuzzIndexReader/segment-$(basename "$s")"; done
{ printf '\x01'; payload "$IDX/MANIFEST"; } > "$WORK/corpus/FuzzIndexReader/manifest"

status=0
run() {
  local t="$1"
  mkdir -p "$WORK/artifacts/$t"
  echo "fuzzing $t for $SECONDS_EACH s (log: $WORK/$t.log)"
  if ! SWIFT_BACKTRACE=enable=no "$FUZZ/.build/debug/$t" -max_total_time="$SECONDS_EACH" -max_len=4096 -rss_limit_mb=4096 -timeout=10 \
        -artifact_prefix="$WORK/artifacts/$t/" -print_final_stats=1 "$WORK/corpus/$t" > "$WORK/$t.log" 2>&1; then
    echo "FAILED: $t (see $WORK/$t.log and $WORK/artifacts/$t/)"; return 1
  fi
  echo "$t: $(grep -E '^stat::number_of_executed_units' "$WORK/$t.log" | awk '{print $2}') runs, $(ls "$WORK/corpus/$t" | wc -l) corpus inputs"
}
pids=()
for t in "${TARGETS[@]}"; do
  run "$t" & pids+=($!)
  while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do sleep 1; done
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
exit $status
