#!/usr/bin/env bash
# Compares docsearch builds' HTTP throughput in turn on one index, since the
# host moves a single run's figure by a tenth or more: for each round, each
# build serves the index while wrk runs 10 s (after a 2 s warm-up), and the
# server's CPU time is read from /proc.
#
# usage: Benchmarks/http/compare.sh INDEX ROUNDS BINARY...
#   e.g. Benchmarks/http/compare.sh /tmp/idx20k 3 /tmp/docsearch-before .build/release/docsearch
# Environment: MIX (search or varied, as bench.sh), PORT (first port, default 18300).
# Prints per build: searches/s and ms of server CPU a request, one figure per round.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
INDEX="$1"; ROUNDS="$2"; shift 2
source "$ROOT/Benchmarks/http/mixes.sh"
SCRIPT="$(mix_script "${MIX:-search}")" || exit 2
command -v wrk >/dev/null || { echo "compare: wrk not found (bench.sh installs it)" >&2; exit 2; }
port="${PORT:-18300}"
tick_ms=$(awk -v hz="$(getconf CLK_TCK)" 'BEGIN { print 1000 / hz }')
for _ in $(seq 1 "$ROUNDS"); do
    for bin in "$@"; do
        port=$((port + 1))
        "$bin" serve --index "$INDEX" --host 127.0.0.1 --port "$port" --quiet 2>/dev/null &
        pid=$!
        for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
        wrk -t2 -c64 -d2s -s "$SCRIPT" "http://127.0.0.1:$port" >/dev/null
        before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
        rate=$(wrk -t2 -c64 -d10s -s "$SCRIPT" "http://127.0.0.1:$port" | sed -n 's/.*requests\/s \([0-9]*\).*/\1/p')
        after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
        kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
        # CPU time is in clock ticks; the requests are rate × 10 s.
        echo "$bin $rate $(awk -v t=$((after - before)) -v ms="$tick_ms" -v r="$rate" 'BEGIN { printf "%.2f", t * ms / (r * 10) }')"
    done
done | awk '{ rate[$1] = rate[$1] " " $2; cpu[$1] = cpu[$1] " " $3 }
            END { for (b in rate) print b ":" rate[b] " searches/s |" cpu[b] " ms CPU a request" }'
