#!/usr/bin/env bash
# Install the Debian packages the hub's tooling uses, only those missing, only as root.
# Usage: scripts/install-system-deps.sh [gettext] [chromium] [wrk]
set -euo pipefail

declare -A probe=([gettext]=msgfmt [chromium]=chromium)
missing=()
for pkg in "$@"; do
  command -v "${probe[$pkg]:-$pkg}" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "Missing system packages: ${missing[*]}. Install them with your package manager." >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
