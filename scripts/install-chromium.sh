#!/usr/bin/env bash
# Install Debian's chromium for the browser tests (tests/test_web_browser.py) when missing.
#
# A no-op when chromium is already there. Never fails the run: without apt-get, root
# or a package mirror it says why and exits 0, and the browser tests then skip with
# that reason. Playwright drives this system chromium; it never downloads a browser.
set -u

if [ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: no apt-get here; browser tests will be skipped" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    SUDO="sudo -n"
  else
    echo "install-chromium: not root and no password-less sudo; browser tests will be skipped" >&2
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
echo "install-chromium: installing chromium with apt-get (once)" >&2
if ! timeout 900 $SUDO apt-get update -qq >/dev/null 2>&1; then
  echo "install-chromium: apt-get update failed; trying the cached package lists" >&2
fi
if ! timeout 900 $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver \
    >/dev/null 2>&1; then
  echo "install-chromium: apt-get install chromium failed; browser tests will be skipped" >&2
fi
exit 0
