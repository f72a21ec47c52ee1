# Shared settings and helpers for the vivid suite scripts; sourced, never run.
#
# Every path the scripts use is derived here, so one environment variable moves it:
#   KAPTURE_VIVID_CACHE   downloads and the unpacked kernel (default ~/.cache/kapture-vivid); survives `mvn clean`
#   KAPTURE_VIVID_BUILD   the initramfs and the runs' outputs (default <repo>/vivid/target/vivid)
#   KAPTURE_VIVID_KERNEL  the kernel image package to use (default: whatever linux-image-amd64 depends on)

VIVID_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
REPO_DIR=$(cd "$VIVID_DIR/.." && pwd -P)
CACHE_DIR=${KAPTURE_VIVID_CACHE:-${HOME:-/root}/.cache/kapture-vivid}
BUILD_DIR=${KAPTURE_VIVID_BUILD:-$VIVID_DIR/target/vivid}

# Host packages the suite needs, with a command each one provides (to see whether it is installed).
HOST_PACKAGES="qemu-system-x86:qemu-system-x86_64 busybox-static:busybox v4l-utils:v4l2-compliance kmod:modinfo"

say() {
    printf '[vivid] %s\n' "$*" >&2
}

die() {
    printf '[vivid] ERROR: %s\n' "$*" >&2
    exit 1
}

# Milliseconds since the epoch, for the timings the scripts report.
now_ms() {
    date +%s%3N
}

# Seconds with one decimal between two now_ms readings.
elapsed() {
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1000 }'
}

# Paths are handed to the guest on the kernel command line, which splits on blanks.
require_plain_path() {
    case $1 in
        *[[:space:]]*) die "path '$1' contains blanks; move the work tree or set KAPTURE_VIVID_BUILD to a path without them" ;;
    esac
}

# The kernel tree setup unpacked last (it records it in $CACHE_DIR/kernel/current), or nothing.
kernel_tree() {
    local tree
    tree=$(cat "$CACHE_DIR/kernel/current" 2>/dev/null || true)
    if [ -n "$tree" ] && [ -f "$tree/.unpacked" ]; then
        printf '%s\n' "$tree"
    fi
}
