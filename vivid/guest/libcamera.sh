# Sourced by guest/checks.sh for the libcamera suite, inside the chroot: the steps libcamera needs before a program
# can reach vimc's camera through it, and libcamera's own cam as the reference capture. guest/init has loaded vimc
# (vivid/bin/build-test-drivers); libcamera finds cameras only through udev, so udev runs here.

# libcamera's V4L2 compatibility layer, as Debian's libcamera-v4l2 installs it (libcamerify preloads the same file).
LIBCAMERA_COMPAT=$(ls /usr/lib/*/v4l2-compat.so 2>/dev/null | head -n 1)

# The node of vimc's camera that libcamera's vimc pipeline streams from (its other nodes stay plain V4L2).
vimc_capture_node() {
    local entry
    for entry in /sys/class/video4linux/video*; do
        [ "$(cat "$entry/name" 2>/dev/null)" = "RGB/YUV Capture" ] && { echo "/dev/$(basename "$entry")"; return 0; }
    done
    return 1
}

# systemd-udevd in the chroot, its database on a tmpfs over /run (the host's /run is read-only over 9p here), every
# device announced and settled. SYSTEMD_IGNORE_CHROOT for udevd and udevadm alike: in a chroot, udevadm trigger,
# settle and control otherwise do nothing and succeed ("Running in chroot, ignoring request").
start_udev() {
    local node
    export SYSTEMD_IGNORE_CHROOT=1
    node=$(vimc_capture_node) || { echo "no video node named 'RGB/YUV Capture': vimc is not loaded"; return 1; }
    mount -t tmpfs -o mode=755 tmpfs /run || return 1
    # not --daemon: a daemonised udevd drops its log; setsid keeps it out of the check's process group
    setsid /lib/systemd/systemd-udevd --debug > "$out/udevd.log" 2>&1 < /dev/null &
    # ready once it answers on its control socket (loading the hardware database takes seconds under emulation)
    local waited=0
    until udevadm control --ping --timeout=5 2> /dev/null; do
        [ "$waited" -lt 120 ] || { echo "systemd-udevd did not answer within 60 s: $(tail -n 2 "$out/udevd.log" | tr '\n' ' ')"; return 1; }
        sleep 0.5
        waited=$((waited + 1))
    done
    udevadm trigger --action=add --verbose > "$out/udevadm-trigger.txt" || return 1
    udevadm settle --timeout=60 || return 1
    pidof systemd-udevd > /dev/null || { echo "systemd-udevd is not running: $(tail -n 2 "$out/udevd.log" | tr '\n' ' ')"; return 1; }
    [ -n "$(ls /run/udev/data 2>/dev/null)" ] || { echo "udev knows no device: $(tail -n 2 "$out/udevd.log" | tr '\n' ' ')"; return 1; }
    [ -n "$LIBCAMERA_COMPAT" ] || { echo "no v4l2-compat.so: run scripts/install-test-prerequisites (libcamera-v4l2)"; return 1; }
    echo "systemd-udevd $(udevadm --version) running, $(ls /run/udev/data | wc -l) devices in its database; vimc's RGB/YUV Capture is $node; compat layer $LIBCAMERA_COMPAT"
}

# libcamera's cam lists vimc's camera and captures frames from it: the reference for the Java checks.
cam_capture() {
    cam --list > "$out/cam-list.txt" 2>&1 || { cat "$out/cam-list.txt"; return 1; }
    grep -q "^1: " "$out/cam-list.txt" || { echo "cam lists no camera: $(tr '\n' ' ' < "$out/cam-list.txt")"; return 1; }
    cam --camera 1 --capture=5 --file="$out/cam-frame-#.bin" > "$out/cam-capture.txt" 2>&1 \
        || { tail -n 3 "$out/cam-capture.txt"; return 1; }
    local frames
    frames=$(ls "$out"/cam-frame-*.bin 2>/dev/null | wc -l)
    [ "$frames" -ge 1 ] || { echo "cam wrote no frame"; return 1; }
    echo "cam lists '$(sed -n 's/^1: //p' "$out/cam-list.txt")' and captured $frames frames of $(stat -c %s "$(ls "$out"/cam-frame-*.bin | head -n 1)") bytes"
}

export LIBCAMERA_COMPAT
export -f vimc_capture_node start_udev cam_capture
