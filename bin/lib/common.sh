# shellcheck shell=bash
# Helpers shared by the scripts in bin/. Source this file; do not run it.

log() { printf '[%s] %s\n' "${0##*/}" "$*" >&2; }

die() {
  log "error: $*"
  exit 1
}

# Run a command as root: directly when already root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "root is needed to run: $*"
  fi
}

# Run a command as the postgres OS user (peer authentication on the local socket).
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null 2>&1; then
      (cd / && runuser -u postgres -- "$@")
    else
      (cd / && su postgres -s /bin/sh -c "$(printf '%q ' "$@")")
    fi
  elif command -v sudo >/dev/null 2>&1; then
    (cd / && sudo -u postgres -- "$@")
  else
    die "root or sudo is needed to run as postgres: $*"
  fi
}

pkg_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# apt-get with retries while another apt or dpkg process holds the lock (up to ~5 minutes).
apt_get() {
  local out rc tries=0
  out="$(mktemp)"
  while :; do
    rc=0
    as_root env DEBIAN_FRONTEND=noninteractive \
      apt-get -q -o DPkg::Lock::Timeout=300 "$@" >"$out" 2>&1 || rc=$?
    cat "$out" >&2
    if [ "$rc" -ne 0 ] && [ "$tries" -lt 30 ] &&
      grep -qiE 'could not get lock|unable to acquire|another process' "$out"; then
      tries=$((tries + 1))
      log "apt is locked by another process; retrying in 10 s ($tries/30)"
      sleep 10
      continue
    fi
    rm -f "$out"
    return "$rc"
  done
}

_CEE_APT_UPDATED=0

# Install the given Debian packages (the caller passes only missing ones).
# Runs `apt-get update` at most once per script run.
apt_install() {
  [ "$#" -gt 0 ] || return 0
  command -v apt-get >/dev/null 2>&1 || die "missing packages ($*) and no apt-get to install them"
  log "installing Debian packages: $*"
  if [ "$_CEE_APT_UPDATED" -eq 0 ]; then
    apt_get update || die "apt-get update failed"
    _CEE_APT_UPDATED=1
  fi
  apt_get install -y "$@" || die "apt-get install $* failed"
}
