# shellcheck shell=bash
# run_with_progress MESSAGE LOG COMMAND...: runs COMMAND with its output in LOG and tells a person on stderr what is
# going on: MESSAGE, a dot every 5 seconds, then how long it took. Returns COMMAND's exit code. Ctrl-C stops COMMAND too.
# Sourced by ./visual-agent and scripts/test.sh; stdout is left alone (it carries the results).

format_seconds() {
  local s=$1
  if ((s < 60)); then printf '%d s' "$s"; else printf '%d min %d s' $((s / 60)) $((s % 60)); fi
}

run_with_progress() {
  local message="$1" log="$2"; shift 2
  local start=$SECONDS pid rc
  printf '%s' "$message" >&2
  "$@" >"$log" 2>&1 &
  pid=$!
  trap 'kill "$pid" 2>/dev/null; printf "\n" >&2; exit 130' INT TERM
  local ticks=0
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    ticks=$((ticks + 1))
    if ((ticks % 5 == 0)); then printf '.' >&2; fi
  done
  wait "$pid"
  rc=$?
  trap - INT TERM
  if ((rc == 0)); then
    printf ' done in %s\n' "$(format_seconds $((SECONDS - start)))" >&2
  else
    printf ' failed after %s\n' "$(format_seconds $((SECONDS - start)))" >&2
  fi
  return "$rc"
}
