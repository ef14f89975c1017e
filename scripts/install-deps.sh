#!/usr/bin/env bash
# Installs the Debian 12 packages oscm builds with (uses sudo when not root). With --test, also
# what the test suite needs: GoogleTest, clang for the libFuzzer targets, and Chromium, in which
# a test opens the HTML report.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
packages=(
  build-essential cmake pkg-config ccache git ca-certificates
  libgit2-dev libsqlite3-dev libfmt-dev libcli11-dev libsimdjson-dev zlib1g-dev libisal-dev libtomlplusplus-dev
  libcurl4-openssl-dev libpsl-dev libcairo2-dev librsvg2-dev libfontconfig-dev fonts-noto-cjk openmpi-bin libopenmpi-dev
)
if [ "${1:-}" = "--test" ]; then
  packages+=(libgtest-dev libgmock-dev clang libclang-rt-14-dev chromium)
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}" > /dev/null
