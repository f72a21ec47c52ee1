#!/usr/bin/env bash
# GC check: 60 s of 1000 fps 1080p YUYV synthetic frames with the pool and the zero-copy strategy, each in its own
# JVM under -Xlog:gc, first with the JVM's default heap sizing and then with a fixed young generation.
# Usage: benchmarks/run-gc-check.sh [seconds]   (from the repository root, after building benchmarks.jar)
# Logs go to benchmarks/target/gc-<strategy>-<heap>.log; the summary lines are printed.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
jar=target/benchmarks.jar
[ -f "$jar" ] || { echo "build first: mvn -B -o -q package -pl benchmarks" >&2; exit 1; }

# default: whatever G1 picks on this machine; fixed: a 1 GiB heap with a 256 MiB young generation
declare -A heaps=([default]="" [fixed]="-Xms1g -Xmx1g -Xmn256m")
for heap in default fixed; do
  for strategy in pool zerocopy; do
    log="target/gc-$strategy-$heap.log"
    echo "== $strategy, heap $heap (${heaps[$heap]:-JVM defaults}), log $log"
    # shellcheck disable=SC2086 # the heap flags are meant to split
    java ${heaps[$heap]} -XX:+UseG1GC "-Xlog:gc:file=$log:uptime" -cp "$jar" io.kapture.benchmarks.GcCheck \
      --strategy "$strategy" --seconds "$seconds" | grep -v '^Machine\|^--'
    echo "   pauses in the whole log (warm-up included): $(grep -c 'Pause' "$log" || true)"
  done
done
