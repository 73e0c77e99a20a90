#!/usr/bin/env bash
# Builds the release binaries and runs every benchmark mode on 20,000
# generated plans (/tmp/gen20k, generated with seed 1 when missing), with the
# peer engines, then the ranking benchmark on ALQAC 2024. Output goes to the
# terminal and to /tmp/bench-all.txt. Run from anywhere; extra arguments are
# passed to `docsearch-bench all` (e.g. --scale, --reuse-peers).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release
.build/release/docsearch-bench all "$@" 2>&1 | tee /tmp/bench-all.txt
