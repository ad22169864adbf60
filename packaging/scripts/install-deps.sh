#!/usr/bin/env bash
# Installs what Headroom needs to build, run and test on Debian 12 (as root, or through sudo).
# Safe to run repeatedly: apt skips what is already there.
set -euo pipefail
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
packages=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-l10n-tools qt6-svg-dev libqt6opengl6-dev qt6-translations-l10n
  libyaml-cpp-dev libeigen3-dev qtkeychain-qt6-dev libqt6sql6-psql libhiredis-dev libpq-dev libbenchmark-dev
  fonts-dejavu-core openssl
)
if [ "${1:-}" = "--test" ]; then
  packages+=(
    xvfb xauth imagemagick poppler-utils
    dbus gnome-keyring libsecret-tools
    redis-server redis-tools postgresql-15 postgresql-client-15 pgbouncer prometheus curl
    dpkg-dev lintian desktop-file-utils appstream
  )
fi
# --compare: the reference implementations the accuracy and speed comparisons in tests/bench/m3
# run beside ours (R's forecast package, statsmodels); not needed to build or test.
if [ "${1:-}" = "--compare" ]; then
  packages+=(r-cran-forecast python3-statsmodels)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -q
  $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}"
fi
