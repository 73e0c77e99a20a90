#!/usr/bin/env bash
# HTTP throughput of `docsearch serve`: 64 keep-alive connections, 2 wrk
# threads, a rotating mix of /api/search queries (search.lua, 15 queries; or
# with MIX=varied, search-varied.lua: 289 distinct queries made by
# varied_queries.py from the 20,000 generated plans' manifest).
#
# usage: Benchmarks/http/bench.sh [CORPUS_DIR] [DURATION]
#   CORPUS_DIR  plans to index (default: corpus/), e.g. /tmp/gen20k from
#               python3 ../shared/tools/gen_plans.py --out /tmp/gen20k --count 20000 --seed 1
#   DURATION    wrk duration (default: 15s)
# Environment: PORT (default 18080), CONNECTIONS (64), THREADS (2), WORKERS (server threads, default: cores),
# MIX (search or varied).
# wrk is installed from Debian when missing (benchmark only, never the product).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CORPUS="${1:-$ROOT/corpus}"
DURATION="${2:-15s}"
PORT="${PORT:-18080}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
source "$ROOT/Benchmarks/http/mixes.sh"
SCRIPT="$(mix_script "${MIX:-search}")" || exit 2

if ! command -v wrk >/dev/null 2>&1; then
    echo "bench: installing wrk" >&2
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null
fi

cd "$ROOT"
swift build -c release --product docsearch >&2
BIN="$(swift build -c release --show-bin-path)/docsearch"

WORK="$(mktemp -d /tmp/docsearch-http-bench.XXXXXX)"
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID"
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "bench: indexing $CORPUS" >&2
"$BIN" index --index "$WORK/index" "$CORPUS" >&2 || [ $? -eq 1 ]

SERVE_ARGS=(serve --index "$WORK/index" --host 127.0.0.1 --port "$PORT" --quiet)
[ -n "${WORKERS:-}" ] && SERVE_ARGS+=(--workers "$WORKERS")
"$BIN" "${SERVE_ARGS[@]}" 2>"$WORK/server.log" &
SERVER_PID=$!

for _ in $(seq 1 100); do
    if curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; then break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 2; }
    sleep 0.1
done
echo "bench: $(curl -fsS "http://127.0.0.1:$PORT/healthz")" >&2

# A short warm-up fills the page cache and the lazily built caches (the
# plans' analysed texts, the common words' scores), as a running server has them.
wrk -t"$THREADS" -c"$CONNECTIONS" -d2s -s "$SCRIPT" "http://127.0.0.1:$PORT" >/dev/null
echo "bench: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s ${SCRIPT#"$ROOT"/}" >&2
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$SCRIPT" "http://127.0.0.1:$PORT"
