#!/usr/bin/env bash
# Runs inside the vivid guest, chrooted into the host's root: the programs are the host's, the kernel and
# /dev/video0 are the guest's. Prints @@KAPTURE markers on the console (vivid/bin/run parses them) and keeps
# every tool's full output in $KAPTURE_OUT. Exits non-zero if any check failed.
#
# Environment (set by guest/init): KAPTURE_REPO, KAPTURE_OUT, KAPTURE_SUITE (smoke | full | hotplug | mjpeg | m2m
# | startgap | h264 | passthrough | libcamera | bench | bench-long),
# KAPTURE_JAVA, TMPDIR (a tmpfs scratch folder), and KAPTURE_VIVID_MODULE and KAPTURE_VIVID_OPTIONS (vivid.ko's
# copy and its options, for the Java checker's rmmod/insmod), KAPTURE_LOOPBACK_MODULE (v4l2loopback.ko on the host),
# KAPTURE_TEST_DRIVERS (the host folder of vicodec.ko and the other test drivers, for the M2M checks' reload).
set -uo pipefail

device=/dev/video0
out=$KAPTURE_OUT
failures=0

mark() {
    echo "@@KAPTURE $*"
}

uptime_s() {
    cut -d ' ' -f 1 /proc/uptime
}

since() {
    awk -v a="$1" -v b="$(uptime_s)" 'BEGIN { printf "%.2f", b - a }'
}

# check NAME SECONDS COMMAND...: runs COMMAND (a program or a function of this script) bounded by SECONDS,
# with its output in $out/NAME.log; the check passes on exit 0, and its message is the output's last line.
check() {
    local name=$1 limit=$2 started code summary
    shift 2
    started=$(uptime_s)
    timeout -k 5 "$limit" bash -c '"$@"' "$name" "$@" > "$out/$name.log" 2>&1
    code=$?
    summary=$(tail -n 1 "$out/$name.log" | tr -s '[:space:]' ' ')
    [ "$code" = 124 ] && summary="timed out after $limit s; $summary"
    if [ "$code" = 0 ]; then
        mark "CHECK $name PASS $(since "$started") $summary"
    else
        mark "CHECK $name FAIL $(since "$started") exit $code: $summary"
        failures=$((failures + 1))
    fi
}

guest_env() {
    local driver
    driver=$(v4l2-ctl -d "$device" --info | awk -F': *' '/Driver name/ { print $2; exit }')
    [ "$driver" = vivid ] || { echo "$device is driven by '$driver', not vivid"; return 1; }
    echo "kernel $(uname -r), $device driven by $driver, $(nproc) CPUs, $(awk '/MemTotal/ { print int($2 / 1024) }' /proc/meminfo) MiB"
}

java_version() {
    "$KAPTURE_JAVA" -XX:-UsePerfData -version 2>&1 | head -n 1
}

list_formats() {
    v4l2-ctl -d "$device" --list-formats-ext > "$out/v4l2-ctl-formats.txt" || return 1
    echo "$(grep -c "^[[:space:]]*\[[0-9]*\]:" "$out/v4l2-ctl-formats.txt") formats, $(grep -c 'Size:' "$out/v4l2-ctl-formats.txt") sizes, $(grep -c 'Interval:' "$out/v4l2-ctl-formats.txt") intervals"
}

# One frame captured by v4l2-ctl through mmap streaming: the reference the Java checker compares Kapture's
# frames with, and a measure of what streaming costs under emulation.
reference_frame() {
    v4l2-ctl -d "$device" --set-fmt-video=width=640,height=480,pixelformat=YUYV --set-parm=30 || return 1
    v4l2-ctl -d "$device" --stream-mmap=4 --stream-skip=30 --stream-count=1 \
        --stream-to="$out/v4l2-ctl-frame.yuyv" || return 1
    echo "$(stat -c %s "$out/v4l2-ctl-frame.yuyv") bytes of 640x480 YUYV after 30 frames skipped"
}

# v4l2-compliance is the driver's reference, not Kapture's test: its summary is kept, its failures reported
# as INFO so that a vivid quirk of a Debian kernel cannot fail Kapture's suite.
compliance() {
    local started summary
    started=$(uptime_s)
    timeout -k 5 600 v4l2-compliance -d "$device" > "$out/v4l2-compliance.log" 2>&1
    summary=$(grep -E '^Total for ' "$out/v4l2-compliance.log" | tail -n 1)
    [ -n "$summary" ] || summary="no summary; see v4l2-compliance.log: $(tail -n 1 "$out/v4l2-compliance.log")"
    mark "CHECK v4l2-compliance INFO $(since "$started") $summary"
}

# The second vivid instance (multi-planar, see guest/init) by its sysfs name: its formats must include the
# multi-plane NV12M (NM12), NV21M (NM21), NV16M (NM16), YUV420M (YM12) and YVU420M (YM21) the Java checker's
# multi-plane-packed check streams.
multi_planar_formats() {
    local node="" entry
    for entry in /sys/class/video4linux/*; do
        [ "$(cat "$entry/name" 2>/dev/null)" = vivid-001-vid-cap ] && node=/dev/$(basename "$entry")
    done
    [ -n "$node" ] || { echo "no node named vivid-001-vid-cap: vivid's second instance is missing"; return 1; }
    v4l2-ctl -d "$node" --all > "$out/v4l2-ctl-mplane-all.txt" || return 1
    v4l2-ctl -d "$node" --list-formats-ext > "$out/v4l2-ctl-mplane-formats.txt" || return 1
    grep -q "Video Capture Multiplanar" "$out/v4l2-ctl-mplane-all.txt" || { echo "$node is not multi-planar"; return 1; }
    for fourcc in NM12 NM21 NM16 YM12 YM21; do
        grep -q "'$fourcc'" "$out/v4l2-ctl-mplane-formats.txt" || { echo "$node does not offer $fourcc"; return 1; }
    done
    echo "$node: multi-planar capture, $(grep -c "^[[:space:]]*\[[0-9]*\]:" "$out/v4l2-ctl-mplane-formats.txt") formats incl. NM12, NM21, NM16, YM12 and YM21"
}

# vicodec's stateful encoder node (loaded by guest/init from vivid/bin/build-test-drivers) as v4l2-ctl sees it:
# a memory-to-memory device whose CAPTURE queue offers FWHT and whose OUTPUT queue takes raw YUYV.
vicodec_encoder() {
    local node="" entry
    for entry in /sys/class/video4linux/*; do
        [ "$(cat "$entry/name" 2>/dev/null)" = stateful-encoder ] && node=/dev/$(basename "$entry")
    done
    [ -n "$node" ] || { echo "no node named stateful-encoder: vicodec is not loaded (see test-drivers-loaded)"; return 1; }
    v4l2-ctl -d "$node" --info --list-formats --list-formats-out > "$out/v4l2-ctl-vicodec-encoder.txt" || return 1
    grep -q "Driver name *: vicodec" "$out/v4l2-ctl-vicodec-encoder.txt" || { echo "$node is not vicodec's"; return 1; }
    grep -q "Video Memory-to-Memory" "$out/v4l2-ctl-vicodec-encoder.txt" || { echo "$node is not memory-to-memory"; return 1; }
    grep -q "'FWHT'" "$out/v4l2-ctl-vicodec-encoder.txt" || { echo "$node offers no FWHT"; return 1; }
    grep -q "'YUYV'" "$out/v4l2-ctl-vicodec-encoder.txt" || { echo "$node takes no YUYV"; return 1; }
    echo "$node: vicodec, Video Memory-to-Memory, CAPTURE FWHT, OUTPUT $(grep -c "^[[:space:]]*\[[0-9]*\]:" "$out/v4l2-ctl-vicodec-encoder.txt") formats in all incl. YUYV"
}

export device out
export -f guest_env java_version list_formats reference_frame multi_planar_formats vicodec_encoder

# The Java checker announces its own plan and reports its checks itself; a crash or time-out shows as its
# planned checks never reporting, and as this check failing.
java_checker() {
    local limit=$1 started code classes="$KAPTURE_REPO/vivid/target/classes" lib="$KAPTURE_REPO/vivid/target/guest-lib"
    started=$(uptime_s)
    if [ ! -d "$classes" ] || [ ! -d "$lib" ]; then
        mark "CHECK java-checker FAIL 0 $classes or $lib missing: build first (mvn -B verify)"
        failures=$((failures + 1))
        return
    fi
    # At the lowest priority: under emulation the JVM's warm-up (JIT compiler threads, GC) saturates the guest's
    # CPUs, and vivid's capture thread, which draws every frame in the kernel, must still run on time or vivid
    # skips sequence numbers. nice 19 lets the kernel thread (nice 0) go first.
    # A JVM crash report goes to the output folder (the guest's /tmp is gone after power-off). kapture.repeat=N
    # on the kernel command line (KAPTURE_VIVID_APPEND) runs the Java checks N times in one JVM, to chase a
    # rare failure.
    local repeat crash
    repeat=$(sed -n 's/.*kapture\.repeat=\([0-9][0-9]*\).*/\1/p' /proc/cmdline)
    # KAPTURE_JAVA_PRELOAD (the libcamera suite): the JVM runs with that library preloaded, and only the JVM.
    timeout -k 5 "$limit" nice -n 19 env ${KAPTURE_JAVA_PRELOAD:+LD_PRELOAD=$KAPTURE_JAVA_PRELOAD} "$KAPTURE_JAVA" -XX:-UsePerfData -Djava.io.tmpdir="$TMPDIR" -XX:+UseSerialGC -Xmx512m \
        -XX:ErrorFile="$out/hs_err_pid%p.log" \
        -cp "$classes:$lib/*" io.kapture.vivid.GuestChecker \
        --suite "$KAPTURE_SUITE" --device "$device" --out "$out" --repeat "${repeat:-1}" 2> "$out/java-checker.log"
    code=$?
    crash=$(ls "$out"/hs_err_pid*.log 2>/dev/null | head -n 1)
    if [ "$code" = 0 ]; then
        mark "CHECK java-checker PASS $(since "$started") every Java check passed"
    elif [ -n "$crash" ]; then
        mark "CHECK java-checker FAIL $(since "$started") exit $code, the JVM crashed: $(grep -m 1 -E '^# +(SIGSEGV|SIGBUS|SIGILL|Internal Error|Out of Memory|guarantee)' "$crash" | tr -s '[:space:]#' ' ') in $(grep -m 1 -A 1 'Problematic frame' "$crash" | tail -n 1 | tr -s '[:space:]#' ' '); report in $(basename "$crash")"
        failures=$((failures + 1))
    else
        mark "CHECK java-checker FAIL $(since "$started") exit $code; stderr in java-checker.log: $(grep -m 1 -E 'Exception|Error' "$out/java-checker.log" | tr -s '[:space:]' ' ')"
        failures=$((failures + 1))
    fi
}

case $KAPTURE_SUITE in
    smoke) mark "PLAN guest-env java-start java-checker" ;;
    full) mark "PLAN guest-env java-start v4l2-ctl-formats v4l2-ctl-frame v4l2-mplane-formats v4l2-compliance vicodec-encoder-node java-checker" ;;
    hotplug|mjpeg|startgap|h264|passthrough) mark "PLAN guest-env java-start java-checker" ;;
    m2m) mark "PLAN guest-env java-start vicodec-encoder-node java-checker" ;;
    libcamera) mark "PLAN guest-env java-start udev libcamera-cam java-checker" ;;
    bench|bench-long) mark "PLAN guest-env java-start" ;;
esac
check guest-env 60 guest_env
check java-start 120 java_version
if [ "$KAPTURE_SUITE" = libcamera ]; then
    # udev and cam's reference capture, then the Java checker in a JVM under libcamera's V4L2 compatibility layer
    . "$KAPTURE_REPO/vivid/guest/libcamera.sh"
    check udev 120 start_udev
    check libcamera-cam 180 cam_capture
    KAPTURE_JAVA_PRELOAD=$LIBCAMERA_COMPAT
fi
if [ "$KAPTURE_SUITE" = full ]; then
    check v4l2-ctl-formats 120 list_formats
    check v4l2-ctl-frame 120 reference_frame
    check v4l2-mplane-formats 60 multi_planar_formats
    compliance
    check vicodec-encoder-node 60 vicodec_encoder
    java_checker 900
elif [ "$KAPTURE_SUITE" = bench ] || [ "$KAPTURE_SUITE" = bench-long ]; then
    # the benchmark announces and reports its runs itself (guest/bench.sh)
    bash "$KAPTURE_REPO/vivid/guest/bench.sh" || failures=$((failures + 1))
else
    [ "$KAPTURE_SUITE" = m2m ] && check vicodec-encoder-node 60 vicodec_encoder
    java_checker 300
fi
exit $((failures > 0))
