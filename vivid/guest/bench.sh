#!/usr/bin/env bash
# The vivid suite's benchmark (vivid/bin/run --suite bench), run by guest/checks.sh inside the guest's chroot:
# the same vivid device, format, rate, buffer count and frame count for v4l2-ctl, GStreamer, ffmpeg and Kapture's
# engine (outside OSGi, each strategy with 1 and 4 no-op listeners, each run in a fresh JVM), measured the same
# way for all: bench-probe (src/main/c/bench-probe.c, compiled by bin/run on the host) starts the program and reads
# its process CPU at the first and last frame it dequeues, as the kernel's v4l2_dqbuf trace event reports them;
# Kapture's runs also read their CPU in-process at the first and last frame a listener is handed (EngineBench).
# Two rounds, the second in the reverse order. Figures are reported (INFO), never judged; a run fails only when it
# could not be measured. Raw results go to $KAPTURE_OUT/bench-results.txt, one line per run, from which
# vivid/bin/bench-table writes the tables on the host.
#
# KAPTURE_SUITE=bench-long runs the long lines instead: GStreamer, ffmpeg, Kapture zero-copy and pool with one
# listener over 4,000 frames (100 s at 40 fps; with the listener on a delivery thread or on the capture thread, with the
# checker's or the distribution's JVM options), read at several marks (bench-probe --marks: the process's and every
# thread's CPU; EngineBench --marks: the JIT's compilation time), so each window's CPU per frame shows whether the
# JIT has settled; then, unmeasured, profiles of the last 2,000 frames with perf (cpu-clock samples, JIT symbols
# from the JVM's perf map) whose reports go to bench-profile-*.txt; and what each candidate for the pool's frame
# copy costs in this guest (bench-copy-cost.txt).
#
# Environment (from guest/init): KAPTURE_REPO, KAPTURE_OUT, KAPTURE_JAVA, KAPTURE_SUITE, TMPDIR.
set -uo pipefail

device=/dev/video0
out=$KAPTURE_OUT
probe=$out/bench-probe
tracing=/sys/kernel/tracing
width=640
height=360
fps=40
buffers=4
frames=200
long_frames=1000
# bench-long: frames per run and the marks (frames) at which the CPU is read, the windows between them
# (kapture.bench.frames=N and kapture.bench.marks=A,B,... on the guest's kernel command line change them, e.g. to
# see the frame after C2 has compiled the per-frame path, which a method run once a frame reaches at ~5,000 frames)
longest=$(tr ' ' '\n' < /proc/cmdline | sed -n 's/^kapture\.bench\.frames=\([0-9]\+\)$/\1/p')
longest=${longest:-4000}
marks=$(tr ' ' '\n' < /proc/cmdline | sed -n 's/^kapture\.bench\.marks=\([0-9,]\+\)$/\1/p')
marks=${marks:-1,200,1000,2000,3000,4000}
profile_from=2000
# a run's bound in the guest's seconds: 600 for the usual lengths, more for longer runs (frames / 40 fps × 2 + 300)
run_timeout=$(( longest / 20 + 300 > 600 ? longest / 20 + 300 : 600 ))
suite=${KAPTURE_SUITE:-bench}
# measured rounds: 2, or what kapture.bench.rounds=N on the guest's kernel command line says
# (KAPTURE_VIVID_APPEND=kapture.bench.rounds=0 vivid/bin/run --suite bench-long runs the profiles alone)
rounds=$(tr ' ' '\n' < /proc/cmdline | sed -n 's/^kapture\.bench\.rounds=\([0-9]\)$/\1/p')
rounds=${rounds:-2}
# Frames each program captures beyond the measured ones, so the last sample is not taken while it stops
# (EngineBench.EXTRA_FRAMES is the same for Kapture).
extra=8
# Every program at the same niceness: the checker's JVM runs at 19 so that vivid's frame-drawing kernel thread
# keeps its timing while the JIT warms up (see checks.sh), and the tools it is compared with get the same.
niceness=19
failures=0
classes="$KAPTURE_REPO/vivid/target/classes"
lib="$KAPTURE_REPO/vivid/target/guest-lib"
export GST_REGISTRY="$TMPDIR/gst-registry.bin"

mark() {
    echo "@@KAPTURE $*"
}

uptime_s() {
    cut -d ' ' -f 1 /proc/uptime
}

since() {
    awk -v a="$1" -v b="$(uptime_s)" 'BEGIN { printf "%.2f", b - a }'
}

# The kernel's v4l2_dqbuf trace event, with timestamps on CLOCK_MONOTONIC (bench-probe compares them with its own).
enable_tracing() {
    if [ ! -d "$tracing/events" ]; then
        mount -t tracefs nodev "$tracing" || { echo "cannot mount tracefs on $tracing"; return 1; }
    fi
    [ -d "$tracing/events/v4l2/v4l2_dqbuf" ] \
        || { echo "the kernel has no v4l2_dqbuf trace event ($tracing/events/v4l2/v4l2_dqbuf)"; return 1; }
    echo mono > "$tracing/trace_clock" && echo 4096 > "$tracing/buffer_size_kb" \
        && echo 1 > "$tracing/events/v4l2/v4l2_dqbuf/enable" || return 1
    # for attributing lost frames (bench-probe): without them the losses are only counted
    local optional="" event
    for event in vb2/vb2_buf_queue vb2/vb2_buf_done; do
        if [ -d "$tracing/events/$event" ] && echo 1 > "$tracing/events/$event/enable"; then
            optional="$optional, ${event#*/}"
        fi
    done
    echo 1 > "$tracing/tracing_on" || return 1
    [ -x "$probe" ] || { echo "$probe missing: vivid/bin/run compiles it with gcc on the host"; return 1; }
    echo "the kernel's trace events v4l2_dqbuf$optional enabled, trace clock $(grep -o '\[[a-z]*\]' "$tracing/trace_clock")"
}

# program_line PROGRAM ARGS...: sets the array cmd to the command line of one measured program. bench-probe starts
# it directly (no shell in between: a process's CPU clock counts its own threads only, and a shell's start-up
# would count as the program's).
program_line() {
    case $1 in
        v4l2_ctl) cmd=(v4l2-ctl -d "$device" --set-fmt-video=width=$width,height=$height,pixelformat=YUYV
            --set-parm=$fps --stream-mmap=$buffers --stream-count="$2") ;;
        gstreamer) cmd=(gst-launch-1.0 -q v4l2src device="$device" io-mode=mmap num-buffers="$2"
            ! "video/x-raw,format=YUY2,width=$width,height=$height,framerate=$fps/1" ! fakesink) ;;
        ffmpeg_null) cmd=(ffmpeg -hide_banner -nostdin -nostats -f v4l2 -input_format yuyv422
            -video_size "${width}x$height" -framerate $fps -i "$device" -frames:v "$2" -f null -) ;;
        # kapture DELIVERY LISTENERS MEASURED [ct] [shipped] [profile]: a fresh JVM with the checker's options
        # (checks.sh); ct: the listeners on the capture thread; shipped: the distribution's JVM options instead
        # (karaf-dist's bin/setenv, read from it); profile: a perf map at exit and -XX:+PrintCompilation
        kapture) kapture_line "${@:2}" ;;
        *) echo "bench.sh: no program '$1'" >&2; return 1 ;;
    esac
}

kapture_line() {
    local delivery=$1 listeners=$2 measured=$3 variant
    local jvm=(-XX:-UsePerfData -XX:+UseSerialGC -Xmx512m) engine=() launcher=()
    shift 3
    for variant in "$@"; do
        case $variant in
            ct) engine+=(--capture-thread true) ;;
            # shellcheck disable=SC2207 # the options are words
            shipped) jvm=($(shipped_options)) || return 1; launcher=(env MALLOC_ARENA_MAX=2) ;;
            profile) jvm+=(-XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit -XX:+PrintCompilation) ;;
            *) echo "bench.sh: no Kapture variant '$variant'" >&2; return 1 ;;
        esac
    done
    [ "$suite" = bench-long ] && engine+=(--marks "$marks")
    cmd=("${launcher[@]}" "$KAPTURE_JAVA" "${jvm[@]}" -Djava.io.tmpdir="$TMPDIR" -cp "$classes:$lib/*"
        io.kapture.vivid.EngineBench --device "$device" --delivery "$delivery" --listeners "$listeners"
        --frames "$measured" --width $width --height $height --fps $fps --buffers $buffers "${engine[@]}")
}

# The JVM options the distribution starts Karaf with (KAPTURE_JAVA_OPTS of karaf-dist's bin/setenv, which also
# sets MALLOC_ARENA_MAX=2), so that a line of the table is Kapture as shipped.
shipped_options() {
    local setenv="$KAPTURE_REPO/karaf-dist/src/main/resources/bin/setenv" options
    options=$(env -u EXTRA_JAVA_OPTS sh -c '. "$1" > /dev/null && printf %s "$KAPTURE_JAVA_OPTS"' sh "$setenv") \
        && [ -n "$options" ] || { echo "bench.sh: no KAPTURE_JAVA_OPTS in $setenv" >&2; return 1; }
    printf '%s\n' "$options"
}

# probe_options: bench-probe's options for one run (the marks in the long suite)
probe_options() {
    probe_args=()
    [ "$suite" = bench-long ] && probe_args=(--marks "$marks")
    return 0
}

# measure NAME ROUND MEASURED COMMAND...: one run under bench-probe; appends its line to bench-results.txt.
measure() {
    local name=$1 round=$2 measured=$3 started result code engine log status summary
    shift 3
    log="$TMPDIR/bench-$name-r$round.log"
    started=$(uptime_s)
    : > "$tracing/trace"
    program_line "$@" || return 1
    probe_options
    result=$(timeout -k 5 "$run_timeout" "$probe" "${probe_args[@]}" "$tracing/trace_pipe" "$measured" $niceness "$log" \
        -- "${cmd[@]}" 2> "$out/bench-$name-r$round.probe")
    code=$?
    cp "$log" "$out/bench-$name-r$round.log"
    engine=$(grep -m 1 '^@@ENGINE ' "$log" | cut -d ' ' -f 2-)
    echo "tool=$name round=$round measured=$measured $result $engine" >> "$out/bench-results.txt"
    summary=$(echo "$result $engine" | tr ' ' '\n' \
        | grep -E '^(buffers|lost|lost_start|driver_lost_dry|driver_lost_clock|startup_ms|steady_ms|in_startup_ms|in_steady_ms|in_lost|in_lost_start|fps)=' | tr '\n' ' ')
    if [ "$code" = 0 ]; then
        status=INFO
    else
        status=FAIL
        failures=$((failures + 1))
        summary="could not measure (probe exit $code; output in bench-$name-r$round.log: $(tail -n 1 "$log" | tr -s '[:space:]' ' ')): $summary"
    fi
    mark "CHECK bench-$name-r$round $status $(since "$started") $summary"
}

# profile NAME FROM MEASURED COMMAND...: one unmeasured run under bench-probe with perf recording from the FROM-th
# to the MEASURED-th frame; perf's reports (by thread and object, by symbol) go to bench-profile-NAME.txt.
profile() {
    local name=$1 from=$2 measured=$3 started data report result code
    shift 3
    started=$(uptime_s)
    data="$TMPDIR/bench-profile-$name.data"
    report="$out/bench-profile-$name.txt"
    : > "$tracing/trace"
    program_line "$@" || return 1
    probe_options
    result=$(timeout -k 5 "$run_timeout" "$probe" "${probe_args[@]}" --perf-from "$from" --perf-out "$data" \
        "$tracing/trace_pipe" "$measured" $niceness "$TMPDIR/bench-profile-$name.log" -- "${cmd[@]}" \
        2> "$out/bench-profile-$name.probe")
    code=$?
    cp "$TMPDIR/bench-profile-$name.log" "$out/bench-profile-$name.log"
    engine=$(grep -m 1 '^@@ENGINE ' "$TMPDIR/bench-profile-$name.log" | cut -d ' ' -f 2-)
    echo "tool=profile-$name round=1 measured=$measured $result $engine" >> "$out/bench-results.txt"
    {
        echo "# $name: perf record -e cpu-clock (one sample per 50,000 instructions) from frame $from to $measured"
        echo "# probe: $result"
        echo "## by thread and object"
        perf report -i "$data" --stdio --sort comm,dso 2>&1 | grep -v '^$'
        echo "## by thread, object and symbol (top 80)"
        perf report -i "$data" --stdio --sort comm,dso,sym 2>&1 | grep -v '^#' | grep -v '^$' | head -n 80
    } > "$report"
    if [ "$code" = 0 ] && [ -s "$data" ]; then
        mark "CHECK bench-profile-$name INFO $(since "$started") $(grep -c '%' "$report") lines in bench-profile-$name.txt"
    else
        mark "CHECK bench-profile-$name FAIL $(since "$started") probe exit $code; see bench-profile-$name.probe and .log"
        failures=$((failures + 1))
    fi
}

# copy_cost: instructions per frame copy (640x360 YUYV) for each candidate of the pool's copy (CopyCost), in a JVM
# with the checker's options and in one limited to C1, and what decides which copy libc's memcpy runs here: the CPU
# the emulator presents (vendor, flags, caches), glibc's choices (ld.so --list-diagnostics) and the JVM's UseAVX.
# Figures in bench-copy-cost.txt (key=value lines, read by bin/bench-table), the details in bench-copy-cost.log.
copy_cost() {
    local started log result line jit code=0
    started=$(uptime_s)
    log="$out/bench-copy-cost.log"
    result="$out/bench-copy-cost.txt"
    {
        echo "## /proc/cpuinfo (first CPU)"
        grep -m 1 '^vendor_id' /proc/cpuinfo
        grep -m 1 '^model name' /proc/cpuinfo
        grep -m 1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -xE 'sse2|ssse3|sse4_2|avx|avx2|avx512f|avx512vl|erms|fsrm' \
            | tr '\n' ' '
        echo
        echo "## caches"
        for cache in /sys/devices/system/cpu/cpu0/cache/index*; do
            echo "L$(cat "$cache/level") $(cat "$cache/type") $(cat "$cache/size")"
        done
        echo "## glibc (ld.so --list-diagnostics)"
        /lib64/ld-linux-x86-64.so.2 --list-diagnostics 2>&1 \
            | grep -E 'rep_movsb|non_temporal|cache_size|preferred\.(Prefer_ERMS|Prefer_FSRM|Fast_Unaligned_Copy|AVX_Fast_Unaligned_Load|Prefer_No_AVX512)|usable\.(AVX|AVX2|AVX512F|ERMS|FSRM)='
        echo "## the JVM"
        "$KAPTURE_JAVA" -XX:+PrintFlagsFinal -version 2>&1 | grep -E ' (UseAVX|UseSSE|UseFastStosb|UseXMMForArrayCopy|UseUnalignedLoadStores) '
    } > "$log" 2>&1
    : > "$result"
    for jit in c2 c1; do
        local extra=()
        [ "$jit" = c1 ] && extra=(-XX:TieredStopAtLevel=1)
        echo "## CopyCost, $jit" >> "$log"
        line=$(nice -n $niceness "$KAPTURE_JAVA" -XX:-UsePerfData -XX:+UseSerialGC -Xmx512m "${extra[@]}" \
            -Djava.io.tmpdir="$TMPDIR" -cp "$classes:$lib/*" io.kapture.vivid.CopyCost --bytes $((width * height * 2)) \
            2>> "$log" | tee -a "$log" | grep '^@@COPY ') || code=1
        echo "jit=$jit ${line#@@COPY }" >> "$result"
    done
    if [ "$code" = 0 ]; then
        mark "CHECK bench-copy-cost INFO $(since "$started") $(tr '\n' ' ' < "$result")"
    else
        mark "CHECK bench-copy-cost FAIL $(since "$started") CopyCost failed; see bench-copy-cost.log"
        failures=$((failures + 1))
    fi
}

if [ "$suite" = bench-long ]; then
    runs=(
        "gst-launch-1.0-$longest $longest gstreamer $((longest + extra))"
        "kapture-zerocopy-1-$longest $longest kapture zerocopy 1 $longest"
        "kapture-zerocopy-1-$longest-ct $longest kapture zerocopy 1 $longest ct"
        "kapture-zerocopy-1-$longest-shipped $longest kapture zerocopy 1 $longest shipped"
        "kapture-zerocopy-1-$longest-ct-shipped $longest kapture zerocopy 1 $longest ct shipped"
        "ffmpeg-$longest $longest ffmpeg_null $((longest + extra))"
        "kapture-pool-1-$longest-shipped $longest kapture pool 1 $longest shipped"
        "kapture-pool-1-$longest-ct-shipped $longest kapture pool 1 $longest ct shipped"
    )
    profiles=(
        "gst-launch-1.0-1000 200 1000 gstreamer $((1000 + extra))"
        "kapture-zerocopy-1-$longest $profile_from $longest kapture zerocopy 1 $longest profile"
        "kapture-zerocopy-1-$longest-ct-shipped $profile_from $longest kapture zerocopy 1 $longest ct shipped profile"
        "ffmpeg-1000 200 1000 ffmpeg_null $((1000 + extra))"
        "kapture-pool-1-$longest-ct-shipped $profile_from $longest kapture pool 1 $longest ct shipped profile"
    )
    # what each candidate for the pool's frame copy costs in this guest (copy_cost, below)
    steps=(copy-cost)
else
    runs=(
        "v4l2-ctl $frames v4l2_ctl $((frames + extra))"
        "gst-launch-1.0 $frames gstreamer $((frames + extra))"
        "ffmpeg $frames ffmpeg_null $((frames + extra))"
        "kapture-copy-1 $frames kapture copy 1 $frames"
        "kapture-pool-1 $frames kapture pool 1 $frames"
        "kapture-zerocopy-1 $frames kapture zerocopy 1 $frames"
        "kapture-copy-4 $frames kapture copy 4 $frames"
        "kapture-pool-4 $frames kapture pool 4 $frames"
        "kapture-zerocopy-4 $frames kapture zerocopy 4 $frames"
        "gst-launch-1.0-$long_frames $long_frames gstreamer $((long_frames + extra))"
        "kapture-zerocopy-1-$long_frames $long_frames kapture zerocopy 1 $long_frames"
        "kapture-zerocopy-1-ct $frames kapture zerocopy 1 $frames ct"
        "kapture-zerocopy-1-shipped $frames kapture zerocopy 1 $frames shipped"
    )
    profiles=()
    steps=()
fi

# kapture.bench.only=REGEX on the guest's kernel command line keeps only the runs and profiles whose name matches
# (an extended regular expression, e.g. 'shipped|^gst'), for measuring one change without the whole suite.
only=$(tr ' ' '\n' < /proc/cmdline | sed -n 's/^kapture\.bench\.only=//p')
if [ -n "$only" ]; then
    kept=()
    for run in "${runs[@]}"; do
        echo "${run%% *}" | grep -Eq -- "$only" && kept+=("$run")
    done
    runs=("${kept[@]}")
    kept=()
    for run in "${profiles[@]}"; do
        echo "${run%% *}" | grep -Eq -- "$only" && kept+=("$run")
    done
    profiles=("${kept[@]}")
    kept=()
    for run in "${steps[@]}"; do
        echo "$run" | grep -Eq -- "$only" && kept+=("$run")
    done
    steps=("${kept[@]}")
fi

plan=""
for ((round = 1; round <= rounds; round++)); do
    for run in "${runs[@]}"; do
        plan="$plan bench-${run%% *}-r$round"
    done
done
for run in "${profiles[@]}"; do
    plan="$plan bench-profile-${run%% *}"
done
for run in "${steps[@]}"; do
    plan="$plan bench-$run"
done
mark "PLAN bench-tracing bench-warm-up$plan"

started=$(uptime_s)
if message=$(enable_tracing 2>&1); then
    mark "CHECK bench-tracing PASS $(since "$started") $message"
else
    mark "CHECK bench-tracing FAIL $(since "$started") $(echo "$message" | tail -n 1)"
    exit 1
fi

# Once each, unmeasured: GStreamer's plugin registry is built (in $TMPDIR: the host root is read-only) and every
# program's files are read over 9p into the guest's cache, so round 1 does not pay for that and round 2 alone.
started=$(uptime_s)
: > "$out/bench-warm-up.log"
for warm in "v4l2_ctl 10" "gstreamer 10" "ffmpeg_null 10" "kapture zerocopy 1 10" "kapture zerocopy 1 10 shipped"; do
    # shellcheck disable=SC2086 # the words are the program and its arguments
    program_line $warm && timeout -k 5 300 "${cmd[@]}" >> "$out/bench-warm-up.log" 2>&1 \
        || { mark "CHECK bench-warm-up FAIL $(since "$started") '$warm' failed; see bench-warm-up.log"; exit 1; }
done
mark "CHECK bench-warm-up PASS $(since "$started") v4l2-ctl, GStreamer, ffmpeg and Kapture each streamed 10 frames"

echo "# suite=$suite width=$width height=$height fps=$fps buffers=$buffers frames=$frames long=$long_frames marks=$marks nice=$niceness kernel=$(uname -r) cpus=$(nproc)" > "$out/bench-results.txt"
echo "# shipped JVM options: $(shipped_options)" >> "$out/bench-results.txt"
for ((round = 1; round <= rounds; round++)); do
    order=("${runs[@]}")
    if [ $((round % 2)) = 0 ]; then
        order=()
        for ((i = ${#runs[@]} - 1; i >= 0; i--)); do
            order+=("${runs[i]}")
        done
    fi
    for run in "${order[@]}"; do
        # shellcheck disable=SC2086 # NAME MEASURED COMMAND ARGS...
        set -- $run
        name=$1 measured=$2
        shift 2
        measure "$name" "$round" "$measured" "$@"
    done
done
for run in "${profiles[@]}"; do
    # shellcheck disable=SC2086 # NAME FROM MEASURED COMMAND ARGS...
    profile $run
done
for run in "${steps[@]}"; do
    copy_cost
done
exit $((failures > 0))
