#!/usr/bin/env bash
# Everything the performance section of the README reports, in one go (about 20 minutes at full length):
# the JMH table (delivery, pipeline, references, syscalls), the end-to-end latency probe and the GC check.
# Usage: benchmarks/run-all.sh [quick]   (quick: short JMH iterations, 10 s latency lines, 20 s GC windows)
# The summary is printed and kept in benchmarks/target/results-<timestamp>.txt, JMH's own output in
# benchmarks/target/results-<timestamp>-jmh.txt.
set -euo pipefail
cd "$(dirname "$0")"
jar=target/benchmarks.jar
[ -f "$jar" ] || { echo "build first: mvn -B -o -q package -pl benchmarks" >&2; exit 1; }
stamp="$(date +%Y%m%d-%H%M%S)"
out="target/results-$stamp.txt"
if [ "${1:-}" = quick ]; then
  jmh=(-wi 1 -i 3 -w 1s -r 1s); latency=10; gc=20
else
  jmh=(); latency=30; gc=60
fi
{
  echo "== uptime before: $(uptime)"
  java -jar "$jar" "${jmh[@]}" > "target/results-$stamp-jmh.txt" 2>&1
  sed -n '/^Kapture benchmarks, JMH/,$p' "target/results-$stamp-jmh.txt"
  echo
  echo "== latency, uptime: $(uptime)"
  java -cp "$jar" io.kapture.benchmarks.LatencyProbe --seconds "$latency"
  echo
  echo "== GC check, uptime: $(uptime)"
  ./run-gc-check.sh "$gc"
  echo "== uptime after: $(uptime)"
} 2>&1 | tee "$out"
echo "kept in benchmarks/$out"
