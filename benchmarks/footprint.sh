#!/usr/bin/env bash
# Measures the Kapture distribution's footprint and start-up, as an operator would see them:
#   - time from bin/start to the first frame captured and to the first frame delivered to a listener, both as
#     /kapture/metrics first shows them (polled every 0.1 s, so an upper bound by up to one poll), and the CPU time
#     the process had used by then (process_cpu_seconds_total), which depends far less on other load;
#   - after a settling time, with the browser preview of camera "synthetic" open: resident memory (VmRSS) and
#     threads of the Karaf process from /proc/<pid>/status, the JVM's heap used and committed and direct memory
#     from /kapture/metrics; the largest of several samples.
# For each scenario a fresh copy of the distribution is unpacked in a temporary directory with free loopback ports
# (HTTP, SSH, JMX RMI), so a Karaf already running here is not disturbed. Scenario N = the distribution's camera
# "synthetic" plus N-1 more synthetic cameras, each 640x480 YUYV at 30 fps with a device of its own.
#
# usage: benchmarks/footprint.sh [--dist path/to/kapture-karaf-dist-*.tar.gz] [--settle seconds] [cameras ...]
#        (default: the tar.gz karaf-dist/target holds, 30 s settling, scenarios 1 and 4)
# Needs: bash, curl, python3 (free ports), tar, a Java 17 for Karaf (JAVA_HOME or java on the PATH).
set -euo pipefail

cd "$(dirname "$0")/.."
DIST=""
SETTLE=30
SCENARIOS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) DIST="$2"; shift 2 ;;
    --settle) SETTLE="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) SCENARIOS+=("$1"); shift ;;
  esac
done
[ ${#SCENARIOS[@]} -gt 0 ] || SCENARIOS=(1 4)
if [ -z "$DIST" ]; then
  DIST=$(ls karaf-dist/target/kapture-karaf-dist-*.tar.gz 2>/dev/null | head -1 || true)
fi
[ -f "$DIST" ] || { echo "no distribution: build it (mvn -B verify -pl karaf-dist -am -DskipTests) or pass --dist" >&2; exit 2; }

# n distinct free loopback ports: all bound at once, so none is handed out twice
free_ports() {
  python3 -c 'import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))' "$1"
}
now() { date +%s.%N; }
HOME_UNDER_TEST=""
# whatever happens, stop the Karaf this script started and remove its copy
cleanup() {
  local home=$HOME_UNDER_TEST
  [ -n "$home" ] || return 0
  jobs -p | xargs -r kill 2>/dev/null || true
  if [ -f "$home/karaf.pid" ]; then
    local pid
    pid=$(cat "$home/karaf.pid")
    "$home/bin/stop" >/dev/null 2>&1 || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$home"
  HOME_UNDER_TEST=""
}
trap cleanup EXIT
metric() { # metric <text> <name{labels}> -> value or empty
  printf '%s\n' "$1" | awk -v m="$2" 'index($0, m " ") == 1 { print $2; exit }'
}
status_field() { awk -v k="$2:" '$1 == k { print $2; exit }' "/proc/$1/status"; }

run() {
  local cameras=$1 home http ssh registry server pid t0 first_captured="" first_delivered="" text cpu=""
  home=$(mktemp -d /tmp/kapture-footprint.XXXXXX)
  HOME_UNDER_TEST=$home
  tar xzf "$DIST" -C "$home" --strip-components=1
  read -r http ssh registry server <<< "$(free_ports 4)"
  sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $http/" "$home/etc/org.ops4j.pax.web.cfg"
  sed -i "s/^sshPort *=.*/sshPort = $ssh/" "$home/etc/org.apache.karaf.shell.cfg"
  sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = $registry/; s/^rmiServerPort *=.*/rmiServerPort = $server/" \
    "$home/etc/org.apache.karaf.management.cfg"
  for i in $(seq 2 "$cameras"); do
    printf 'device = synthetic:cam%d\nwidth = 640\nheight = 480\npixel.format = YUYV\nfps = 30\n' "$i" \
      > "$home/etc/io.kapture.camera-cam$i.cfg"
  done
  local url="http://127.0.0.1:$http/kapture/metrics"
  t0=$(now)
  "$home/bin/start"
  local deadline=$(( $(date +%s) + 120 ))
  while [ -z "$first_delivered" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "no frame delivered within 120 s; see $home/data/log" >&2; exit 1; }
    text=$(curl -s --max-time 2 "$url" || true)
    local captured delivered
    captured=$(metric "$text" 'kapture_frames_captured_total{camera="synthetic"}')
    delivered=$(metric "$text" 'kapture_frames_delivered_total{camera="synthetic"}')
    if [ -z "$first_captured" ] && [ -n "$captured" ] && [ "$captured" != 0 ]; then first_captured=$(now); fi
    if [ -n "$delivered" ] && [ "$delivered" != 0 ]; then
      first_delivered=$(now); cpu=$(metric "$text" process_cpu_seconds_total)
    fi
    [ -n "$first_delivered" ] || sleep 0.1
  done
  pid=$(cat "$home/karaf.pid")
  curl -s -N "http://127.0.0.1:$http/kapture/stream/synthetic" -o /dev/null &
  sleep "$SETTLE"
  local rss=0 threads=0 heap=0 committed=0 direct=0 fps=""
  for _ in 1 2 3 4 5; do
    text=$(curl -s --max-time 5 "$url")
    local r t h c d
    r=$(status_field "$pid" VmRSS); t=$(status_field "$pid" Threads)
    h=$(metric "$text" 'jvm_memory_bytes_used{area="heap"}'); c=$(metric "$text" 'jvm_memory_bytes_committed{area="heap"}')
    d=$(metric "$text" 'jvm_buffer_pool_used_bytes{pool="direct"}')
    fps=$(metric "$text" 'kapture_camera_fps{camera="synthetic"}')
    rss=$(( r > rss ? r : rss )); threads=$(( t > threads ? t : threads ))
    heap=$(python3 -c "print(max($heap, int(float('$h'))))"); committed=$(python3 -c "print(max($committed, int(float('$c'))))")
    direct=$(python3 -c "print(max($direct, int(float('$d'))))")
    sleep 2
  done
  cleanup
  python3 - "$cameras" "$t0" "$first_captured" "$first_delivered" "$rss" "$threads" "$heap" "$committed" "$direct" "$fps" "$cpu" <<'PY'
import sys
n, t0, cap, dlv, rss, thr, heap, com, direct, fps, cpu = sys.argv[1:]
mib = lambda b: float(b) / 1048576
print(f"| {n} camera{'s' if n != '1' else ''} + preview | {int(rss) / 1024:.0f} MiB | {mib(heap):.0f} / {mib(com):.0f} MiB"
      f" | {mib(direct):.1f} MiB | {thr} | {float(cap) - float(t0):.1f} s | {float(dlv) - float(t0):.1f} s"
      f" | {float(cpu or 0):.1f} s | {float(fps or 0):.1f} |")
PY
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "# distribution $DIST; JVM options from its bin/setenv${EXTRA_JAVA_OPTS:+ plus EXTRA_JAVA_OPTS=$EXTRA_JAVA_OPTS}"
echo "| scenario | RSS (max) | heap used / committed | direct | threads | first frame captured | first frame delivered | CPU time by then | fps |"
echo "|---|---|---|---|---|---|---|---|---|"
for n in "${SCENARIOS[@]}"; do run "$n"; done
