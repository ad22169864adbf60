#!/usr/bin/env bash
# Builds the DEB in BUILD_DIR, checks it (lintian errors, desktop entry, AppStream), installs it with apt,
# runs the installed binaries, and removes the package again. Needs root.
# Usage: package-check.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
BUILD=$1; SRC=$2
cd "$BUILD"
rm -f headroom_*.deb
cpack -G DEB >cpack.log 2>&1 || { cat cpack.log; exit 1; }
deb=$(ls headroom_*_amd64.deb)
echo "built $deb ($(du -h "$deb" | cut -f1))"
rc=0; lintian --fail-on error "$deb" >lintian.log 2>&1 || rc=$?
grep -v 'running with root privileges' lintian.log || true
[ "$rc" = 0 ] || { echo "lintian reports errors"; exit 1; }
desktop-file-validate "$SRC/packaging/org.headroom.Headroom.desktop"
appstreamcli validate --no-net "$SRC/packaging/org.headroom.Headroom.metainfo.xml" >/dev/null
cleanup() { DEBIAN_FRONTEND=noninteractive apt-get purge -y -q headroom >/dev/null 2>&1 || true; }
trap cleanup EXIT
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "./$deb" >apt-install.log 2>&1 \
  || { cat apt-install.log; exit 1; }
test -x /usr/bin/headroom && test -x /usr/bin/headroom-cli
/usr/bin/headroom-cli show | grep -q "Scenario: WebTools Pro"
/usr/bin/headroom-cli validate "$SRC/resources/scenarios/webtools-pro.yaml" >/dev/null
test -f /usr/share/icons/hicolor/256x256/apps/org.headroom.Headroom.png
test -f /usr/share/man/man1/headroom-cli.1.gz
shot=$(mktemp -d)/installed.png
env QT_QPA_PLATFORM=offscreen HOME="$(dirname "$shot")" /usr/bin/headroom --grab "$shot"
test -s "$shot"
echo "installed package: headroom-cli runs from /usr/bin, headroom renders its window"
