# shellcheck shell=bash disable=SC2034
# JDK discovery (>= 21) and Maven invocation for downloading tools.

# java_major <java_home>: prints the feature version (e.g. 25) of a JDK, or nothing.
java_major() {
  local home="$1" v=''
  [[ -x "$home/bin/java" ]] || return 0
  if [[ -r "$home/release" ]]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [[ -z "$v" ]]; then
    v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  fi
  v="${v#1.}"
  printf '%s' "${v%%[.+-]*}"
}

# jdk_ok <home>: a full JDK (java + javac, needed for single-file programs) of version >= 21.
jdk_ok() {
  local m
  [[ -n "$1" && -x "$1/bin/java" && -x "$1/bin/javac" ]] || return 1
  m=$(java_major "$1")
  [[ "$m" =~ ^[0-9]+$ ]] && ((m >= 21))
}

# find_jdk_in_system: newest JDK >= 21 under /usr/lib/jvm.
find_jdk_in_system() {
  local best='' best_v=0 d v
  for d in /usr/lib/jvm/*; do
    [[ -d "$d" ]] || continue
    jdk_ok "$d" || continue
    v=$(java_major "$d")
    if ((v > best_v)); then best="$d"; best_v=$v; fi
  done
  printf '%s' "$best"
}

# ensure_jdk: exports JAVA_HOME pointing at a JDK >= 21 (installing one if needed).
ensure_jdk() {
  [[ -n "${RHYTHM_JDK_READY:-}" ]] && return 0
  local found=''
  if jdk_ok "${JAVA_HOME:-}"; then
    found="$JAVA_HOME"
  else
    found=$(find_jdk_in_system)
  fi
  if [[ -z "$found" ]]; then
    if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
      info "no JDK >= 21 found: trying apt-get install openjdk-21/25-jdk-headless"
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-21-jdk-headless >/dev/null 2>&1 ||
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-25-jdk-headless >/dev/null 2>&1 || true
      found=$(find_jdk_in_system)
    fi
  fi
  [[ -n "$found" ]] || die "no JDK >= 21 found. Install one (e.g. Temurin 21 or 25 under /usr/lib/jvm) or set JAVA_HOME to it."
  export JAVA_HOME="$found"
  RHYTHM_JDK_READY=1
}

# run_maven <logfile> <args...>: runs Maven for tool downloads (system mvn, else ./mvnw,
# else installs Debian's maven). Output goes to logfile; on failure its tail is shown.
run_maven() {
  local logfile="$1"; shift
  local mvn=''
  if command -v mvn >/dev/null; then
    mvn=mvn
  elif [[ -x "$RHYTHM_ROOT/mvnw" ]]; then
    mvn="$RHYTHM_ROOT/mvnw"
  elif [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends maven >/dev/null 2>&1 || true
    command -v mvn >/dev/null && mvn=mvn
  fi
  [[ -n "$mvn" ]] || die "Maven is needed to download Kafka/Keycloak: install maven or add ./mvnw"
  mkdir -p "$(dirname "$logfile")"
  # Run outside the repository so the Rhythm build's pom.xml is not picked up.
  if ! (cd "$(dirname "$logfile")" && "$mvn" -B "$@" </dev/null >"$logfile" 2>&1); then
    show_log_tail "$logfile" 30
    return 1
  fi
}
