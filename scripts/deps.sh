#!/bin/sh
# Install what socsim needs on Debian 12 with apt-get.
#   scripts/deps.sh           install anything missing
#   scripts/deps.sh --check   exit 1 (quietly) if anything is missing
#   scripts/deps.sh --bench   also install QEMU, for the comparison in `make bench`
set -e
PKGS="gcc make libyaml-dev libcunit1-dev libfdt-dev device-tree-compiler gcc-riscv64-unknown-elf
      picolibc-riscv64-unknown-elf opensbi u-boot-qemu gdb-multiarch"
[ "$1" = "--bench" ] && PKGS="$PKGS qemu-system-misc"

missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
[ "$1" = "--check" ] && exit 1

echo "socsim: installing:$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
