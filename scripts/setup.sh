#!/usr/bin/env bash
# Installs the Debian packages Visual Agent needs, when missing. Idempotent; prints nothing when all are present.
# Usage: scripts/setup.sh [--check]   (--check lists what is missing and exits 1, installs nothing)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mapfile -t wanted < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$here/packages.txt" | awk '{print $1}')

missing=()
for p in "${wanted[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)"
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
# The code generator's TypeScript tools (tsc, playwright-core, Node's types; tools/node/package.json): npm, when missing.
node_dir="$here/../tools/node"
if [[ "${1:-}" != "--check" && -f "$node_dir/package-lock.json" && ! -e "$node_dir/node_modules/.bin/tsc" ]] && command -v npm >/dev/null 2>&1; then
  echo "setup: installing the TypeScript tools for generated scripts (npm ci in tools/node)" >&2
  (cd "$node_dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
    || echo "setup: npm could not install tools/node: TypeScript scripts will not be checked" >&2
fi

[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ "${1:-}" == "--check" ]]; then
  echo "missing Debian packages: ${missing[*]}" >&2
  exit 1
fi

sudo=""
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "setup: these Debian packages are missing and installing them needs root: ${missing[*]}" >&2
    echo "setup: run as root: apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 5
  fi
fi

echo "setup: installing ${missing[*]} (apt)" >&2
export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "setup: apt-get failed; see the output above" >&2
  rm -f "$log"
  exit 5
fi
rm -f "$log"
