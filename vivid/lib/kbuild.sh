# Out-of-tree module builds for the guest's kernel, shared by bin/build-loopback and bin/build-test-drivers;
# sourced after common.sh, never run. The guest kernel is Debian's stock one: its headers and kbuild come from
# Debian's packages of the same version, fetched with apt-get download into the cache, never installed.

# Sets KBUILD_ABI (6.1.0-57), KBUILD_VERSION (6.1.192-3) and KBUILD_SERIES (6.1) from the unpacked kernel's name
# (linux-image-6.1.0-57-amd64_6.1.192-3_amd64), or dies saying what is missing.
kbuild_read_kernel() {
    local tree image
    tree=$(kernel_tree)
    [ -n "$tree" ] || die "no unpacked kernel; run vivid/bin/setup"
    image=$(basename "$tree")
    KBUILD_ABI=$(printf '%s\n' "$image" | sed -n 's/^linux-image-\([0-9.]*-[0-9]*\)-amd64_.*/\1/p')
    KBUILD_VERSION=$(printf '%s\n' "$image" | sed -n 's/^linux-image-[^_]*_\([^_]*\)_.*/\1/p')
    [ -n "$KBUILD_ABI" ] && [ -n "$KBUILD_VERSION" ] || die "cannot read the kernel ABI and version from $image"
    KBUILD_SERIES=$(printf '%s\n' "$KBUILD_ABI" | cut -d. -f1-2)
}

kbuild_require_tools() {
    local tool
    for tool in gcc make "$@"; do
        command -v "$tool" >/dev/null || die "$tool is missing; scripts/install-test-prerequisites installs it"
    done
}

# kbuild_fetch WORK [PACKAGE...]: downloads the kernel's headers and kbuild (same version as the image) and the
# extra packages into WORK/debs, unpacks them into WORK/root and sets KBUILD_HEADERS to the -amd64 headers
# folder, made usable outside /usr/src. Call kbuild_read_kernel first.
kbuild_fetch() {
    local work=$1 packages deb
    shift
    packages="$* linux-headers-$KBUILD_ABI-amd64=$KBUILD_VERSION linux-headers-$KBUILD_ABI-common=$KBUILD_VERSION linux-kbuild-$KBUILD_SERIES=$KBUILD_VERSION"
    mkdir -p "$work/debs" "$work/root"
    # apt drops to user _apt for downloads, which cannot write into root's home: download as root.
    # shellcheck disable=SC2086 # one word per package
    (cd "$work/debs" && apt-get download -q -o APT::Sandbox::User=root $packages >&2) \
        || die "apt-get download $packages failed (run apt-get update if a package is not found; the kernel image $KBUILD_VERSION needs headers and sources of the very same version)"
    for deb in "$work"/debs/*.deb; do
        dpkg -x "$deb" "$work/root"
    done
    KBUILD_HEADERS="$work/root/usr/src/linux-headers-$KBUILD_ABI-amd64"
    [ -f "$KBUILD_HEADERS/Makefile" ] || die "the downloaded packages hold no headers at $KBUILD_HEADERS"
    # The -amd64 headers' Makefile includes the -common one by its installed, absolute path.
    sed -i "s#^include /usr/src/#include $work/root/usr/src/#" "$KBUILD_HEADERS/Makefile"
}

# kbuild_make SOURCES LOG: builds the modules in SOURCES against KBUILD_HEADERS, output in LOG.
kbuild_make() {
    make -C "$KBUILD_HEADERS" M="$1" -j"$(nproc)" modules > "$2" 2>&1
}
