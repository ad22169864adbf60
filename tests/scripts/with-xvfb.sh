#!/usr/bin/env bash
# Runs one GUI test on a real X server: a private Xvfb with the xcb platform plugin, so the widgets
# go through X11 windows, input and painting as on a desktop. Xvfb chooses a free display itself
# (-displayfd), so several tests can run at once without racing for a display number.
#   with-xvfb.sh TEST-BINARY [ARGS...]
set -euo pipefail
if ! command -v Xvfb >/dev/null; then
  echo "with-xvfb.sh: Xvfb is not installed (apt-get install xvfb xauth)" >&2
  exit 1
fi
dir=$(mktemp -d /tmp/headroom-xvfb.XXXXXX)
mkfifo "$dir/display"
Xvfb -displayfd 3 -screen 0 1920x1200x24 -nolisten tcp -noreset 3>"$dir/display" 2>"$dir/xvfb.log" &
xvfb=$!
cleanup() { kill "$xvfb" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT
display=""
read -r -t 20 display <"$dir/display" || true
if [ -z "$display" ]; then
  echo "with-xvfb.sh: Xvfb did not start within 20 s:" >&2
  cat "$dir/xvfb.log" >&2
  exit 1
fi
# A home of its own: the test's settings (QStandardPaths test mode keeps them under $HOME/.qttest)
# stay apart from the offscreen run of the same test, which may run at the same time.
mkdir -p "$dir/home"
export HOME="$dir/home"
# Without a session bus, libsecret would autolaunch one on the X display and wait for an unlock
# prompt nobody answers; a private bus makes a missing keyring fail fast instead.
bus=()
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || bus=(dbus-run-session --)
DISPLAY=":$display" QT_QPA_PLATFORM=xcb "${bus[@]}" "$@"
