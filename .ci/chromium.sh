#!/usr/bin/env bash
# Installs headless Chromium (Debian package "chromium") for the browser
# tests of internal/server when it is missing. Called from .ci/run; safe to
# run again. Without it the browser tests skip with a message.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
	exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo ".ci/chromium.sh: no apt-get here; install Chromium by hand to run the browser tests" >&2
	exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
chromium --version
