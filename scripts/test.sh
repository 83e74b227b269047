#!/usr/bin/env bash
# Builds Visual Agent and runs every test (real Chromium, Tesseract, OpenCV; the model is simulated).
# Long suites are tagged Category=Benchmark and run with `visual-agent bench ...` instead.
# Usage: scripts/test.sh [extra dotnet test arguments]
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/setup.sh" || exit $?
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# shellcheck source=scripts/lib/progress.sh
source "$root/scripts/lib/progress.sh"
if [[ -d src/VisualAgent.Cli/bin/Debug ]]; then what="build: every project"; else what="build: every project (first build, about 3 minutes)"; fi
if ! run_with_progress "$what" "$log" dotnet build VisualAgent.sln -nologo -v q; then
  grep -E "error|Error" "$log" | sort -u | head -50 >&2
  echo "build failed" >&2
  exit 1
fi

dotnet test VisualAgent.sln --no-build -nologo --filter "Category!=Benchmark" "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}

# One closing line for the whole suite: "Tests: N passed, N failed, N skipped".
awk '
  /(Passed|Failed)! +- +Failed: / {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i+1) + 0 }
      if ($i == "Passed:")  { p += $(i+1) + 0 }
      if ($i == "Skipped:") { s += $(i+1) + 0 }
    }
  }
  END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s; if (p + f == 0) exit 3 }
' "$log" || { echo "no test ran" >&2; [[ $rc -eq 0 ]] && rc=1; }
exit "$rc"
