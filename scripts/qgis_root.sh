#!/usr/bin/env bash
# A Debian root with another QGIS version, made with debootstrap from Debian's packages.
#
#   scripts/qgis_root.sh build SUITE          make (or refresh) build/roots/SUITE
#   scripts/qgis_root.sh run SUITE CMD...      run CMD inside it, in /src (this checkout)
#   scripts/qgis_root.sh run-bare SUITE CMD... run CMD in the root as it is with QGIS only
#                                              (no Python packages)
# Every run works in a throw-away overlay: what CMD changes in the root is gone after it
# (except in /src), and several runs may go on at once.
#
# SUITE: trixie (Debian 13, QGIS 3.40 LTR) or sid (Debian unstable, QGIS 3.44).
# Two layers, both cached under build/roots/SUITE:
#   base/  debootstrap + QGIS + Xvfb + python3-venv: what a user has after installing QGIS
#   deps/  an overlay on base with the runtime packages (Debian's only: no pip, no
#          compiler) and /opt/venv with the test tools (the only thing pip brings).
# A stamp per layer holds the package list it was made from; a changed list remakes it.
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "$0")/.." && pwd)"
ROOTS="${SOZIALPLANUNG_ROOTS:-$ROOT_DIR/build/roots}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

BASE_PACKAGES="qgis python3-qgis qgis-providers proj-data xvfb xauth python3-venv python3-pip ca-certificates locales"
# The runtime dependencies, exactly as the plugin's install advice names them for Debian.
DEPS_PACKAGES="$(python3 "$ROOT_DIR/sozialplanung_plugin/requirements.py" debian-packages)"
TEST_TOOLS="pytest hypothesis playwright"
# Servers and a browser the tests run against (PostGIS for the shared store, Chromium for
# the Sozialbericht), from Debian like on the host; pgRouting's comparison stays on the host.
TEST_DEBS="postgresql postgresql-postgis chromium"

apt_opts() {
    # unstable's Release file may be expired on the mirror snapshot
    if [ "$1" = sid ]; then echo "-o Acquire::Check-Valid-Until=false"; fi
}

mounts=()
cleanup() {
    local i
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "${mounts[$i]}" 2>/dev/null || true; done
    mounts=()
}
trap cleanup EXIT

# Remove a folder only when nothing is mounted below it any more (a bind mount of this
# checkout at its src/ would otherwise be removed with it).
safe_rm() { # safe_rm DIR...
    local d
    for d in "$@"; do
        if awk '{print $2}' /proc/self/mounts | grep -q "^$(realpath -m "$d")\(/\|$\)"; then
            echo "not removing $d: something is still mounted there" >&2
            return 1
        fi
        rm -rf "$d"
    done
}

bind() { # bind SRC DEST
    mkdir -p "$2"
    mount --bind "$1" "$2"
    mounts+=("$2")
}

enter_mounts() { # enter_mounts ROOTFS: /proc, /dev, /dev/pts, /sys, resolv.conf, /src
    local r="$1"
    mount -t proc proc "$r/proc"; mounts+=("$r/proc")
    bind /dev "$r/dev"
    bind /dev/pts "$r/dev/pts"
    mount -t sysfs sysfs "$r/sys"; mounts+=("$r/sys")
    mount -t tmpfs tmpfs "$r/tmp"; mounts+=("$r/tmp")
    cp -L /etc/resolv.conf "$r/etc/resolv.conf" 2>/dev/null || true
    bind "$ROOT_DIR" "$r/src"
}

overlay() { # overlay LOWER UPPER WORK MOUNTPOINT
    mkdir -p "$2" "$3" "$4"
    mount -t overlay overlay -o "lowerdir=$1,upperdir=$2,workdir=$3" "$4"
    mounts+=("$4")
}

in_root() { # in_root ROOTFS CMD...
    local r="$1"; shift
    chroot "$r" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}

build_base() { # build_base SUITE
    local suite="$1" dir="$ROOTS/$1"
    local stamp="$dir/base.stamp" want="$suite $BASE_PACKAGES"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return; fi
    command -v debootstrap >/dev/null || {
        echo "Installing debootstrap from Debian"
        apt-get update -qq && apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
    }
    safe_rm "$dir"
    mkdir -p "$dir"
    echo "[$suite] debootstrap (about a minute)"
    debootstrap --variant=minbase "$suite" "$dir/base.tmp" "$MIRROR" >"$dir/debootstrap.log" 2>&1 \
        || { tail -20 "$dir/debootstrap.log"; exit 1; }
    echo "[$suite] QGIS from Debian (a few minutes)"
    enter_mounts "$dir/base.tmp"
    in_root "$dir/base.tmp" apt-get $(apt_opts "$suite") update -qq
    in_root "$dir/base.tmp" apt-get $(apt_opts "$suite") install -y -qq --no-install-recommends \
        $BASE_PACKAGES >"$dir/apt-base.log" 2>&1 || { tail -20 "$dir/apt-base.log"; exit 1; }
    in_root "$dir/base.tmp" apt-get clean
    cleanup
    mv "$dir/base.tmp" "$dir/base"
    echo "$want" >"$stamp"
}

build_deps() { # build_deps SUITE
    local suite="$1" dir="$ROOTS/$1"
    local stamp="$dir/deps.stamp" want="$DEPS_PACKAGES / $TEST_DEBS / $TEST_TOOLS"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return; fi
    safe_rm "$dir/deps" "$dir/deps.work" "$dir/mnt"
    overlay "$dir/base" "$dir/deps" "$dir/deps.work" "$dir/mnt"
    enter_mounts "$dir/mnt"
    echo "[$suite] runtime packages from Debian: $DEPS_PACKAGES; for the tests: $TEST_DEBS"
    in_root "$dir/mnt" apt-get $(apt_opts "$suite") install -y -qq --no-install-recommends \
        $DEPS_PACKAGES $TEST_DEBS >"$dir/apt-deps.log" 2>&1 || { tail -20 "$dir/apt-deps.log"; exit 1; }
    in_root "$dir/mnt" apt-get clean
    echo "[$suite] test tools from PyPI into /opt/venv: $TEST_TOOLS"
    in_root "$dir/mnt" /usr/bin/python3 -m venv --system-site-packages /opt/venv
    # the host's CA bundle: it may hold the certificate of a proxy in front of PyPI
    cp -L /etc/ssl/certs/ca-certificates.crt "$dir/mnt/etc/ssl/host-ca-certificates.crt"
    in_root "$dir/mnt" env PIP_CERT=/etc/ssl/host-ca-certificates.crt \
        /opt/venv/bin/pip install -q --disable-pip-version-check \
        -c /src/constraints.txt $TEST_TOOLS
    cleanup
    safe_rm "$dir/deps.work" "$dir/mnt"
    echo "$want" >"$stamp"
}

run_in() { # run_in SUITE LOWERS CMD...: a throw-away overlay on LOWERS, removed afterwards
    local suite="$1" lowers="$2"; shift 2
    local tmp rc=0
    tmp="$(mktemp -d "$ROOTS/$suite/run.XXXXXX")"
    overlay "$lowers" "$tmp/upper" "$tmp/work" "$tmp/mnt"
    enter_mounts "$tmp/mnt"
    in_root "$tmp/mnt" /bin/bash -c 'cd /src && exec "$@"' bash "$@" || rc=$?
    cleanup
    safe_rm "$tmp"
    return $rc
}

case "${1:-}" in
build) build_base "$2"; build_deps "$2" ;;
run) suite="$2"; shift 2; run_in "$suite" "$ROOTS/$suite/deps:$ROOTS/$suite/base" "$@" ;;
run-bare) suite="$2"; shift 2; run_in "$suite" "$ROOTS/$suite/base" "$@" ;;
*) sed -n '2,16p' "$0"; exit 2 ;;
esac
