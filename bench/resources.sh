#!/usr/bin/env bash
# Resource sampler for benchmarks: peak RSS and CPU of a service process while a benchmark loads it.
# The figures size the Kubernetes requests/limits (deploy/k8s/CAPACITY.md §6), so every bench script
# records them the same way.
#
#   source bench/resources.sh
#   resources_start <label> <pid>     start sampling (every RHYTHM_SAMPLE_SECONDS, default 1) in the background
#   ... run the load ...
#   resources_stop <label>            stop it and print one Markdown table row:
#                                     | label | peak RSS MiB | mean CPU % | peak CPU % (1 s) | CPU s | seconds |
#   resources_header                  the table's header rows
#
# Peak RSS is the kernel's high-water mark (VmHWM) at the end, so short spikes between samples count too.
# CPU % is of one core (200 % = both cores of a 2-core machine), from utime+stime in /proc/<pid>/stat.
# Only processes the caller started are sampled; nothing is ever signalled.

declare -gA _RES_PID _RES_SAMPLER _RES_OUT

resources_header() {
  printf '| process | peak RSS MiB | mean CPU %% | peak CPU %% (1 s) | CPU s | seconds |\n'
  printf '|---|---|---|---|---|---|\n'
}

_resources_cpu_ticks() { # utime + stime of a pid, in clock ticks
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  # fields after "(comm) ": state=1 ... utime=12 stime=13
  awk '{print $12 + $13}' <<<"$stat"
}

resources_start() {
  local label=$1 pid=$2 out
  [[ -r /proc/$pid/stat ]] || { echo "resources_start: no process $pid" >&2; return 1; }
  out="$(mktemp -t "rhythm-res-$label.XXXXXX")"
  _RES_PID[$label]=$pid _RES_OUT[$label]=$out
  (
    hz=$(getconf CLK_TCK) interval="${RHYTHM_SAMPLE_SECONDS:-1}"
    t0=$(date +%s.%N) c0=$(_resources_cpu_ticks "$pid") || exit 0
    prev_t=$t0 prev_c=$c0 peak_pct=0
    while [[ -r /proc/$pid/stat ]]; do
      sleep "$interval"
      t=$(date +%s.%N) c=$(_resources_cpu_ticks "$pid") || break
      peak_pct=$(awk -v c="$c" -v pc="$prev_c" -v t="$t" -v pt="$prev_t" -v hz="$hz" -v p="$peak_pct" \
        'BEGIN { x = (c - pc) / hz / (t - pt) * 100; print (x > p ? x : p) }')
      prev_t=$t prev_c=$c
      hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      printf '%s %s %s %s %s %s\n' "$t0" "$c0" "$t" "$c" "$peak_pct" "$hwm" >"$out"
    done
  ) &
  _RES_SAMPLER[$label]=$!
}

resources_stop() {
  local label=$1 out=${_RES_OUT[$1]:-}
  [[ -n "$out" ]] || { echo "resources_stop: $label was not started" >&2; return 1; }
  kill "${_RES_SAMPLER[$label]}" 2>/dev/null || true
  wait "${_RES_SAMPLER[$label]}" 2>/dev/null || true
  if [[ ! -s "$out" ]]; then
    printf '| %s | ? | ? | ? | ? | ? |\n' "$label"
  else
    awk -v label="$label" -v hz="$(getconf CLK_TCK)" '{
      secs = $3 - $1; cpu = ($4 - $2) / hz
      printf "| %s | %.0f | %.0f | %.0f | %.1f | %.0f |\n", label, $6 / 1024, (secs > 0 ? cpu / secs * 100 : 0), $5, cpu, secs
    }' "$out"
  fi
  rm -f "$out"
  unset "_RES_OUT[$label]" "_RES_SAMPLER[$label]" "_RES_PID[$label]"
}
