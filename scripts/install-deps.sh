#!/usr/bin/env bash
# Installs the Debian 12 packages oscm builds, tests and benchmarks with (uses sudo when not root).
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
  build-essential cmake pkg-config ccache git ca-certificates \
  libgit2-dev libsqlite3-dev libfmt-dev libcli11-dev libsimdjson-dev zlib1g-dev libisal-dev libtomlplusplus-dev \
  libgtest-dev libgmock-dev clang libclang-rt-14-dev openmpi-bin libopenmpi-dev > /dev/null
