# Sourced by .ci/run: a throwaway PostgreSQL cluster for the tests of the PostgreSQL
# store. Installs Debian's `postgresql` when initdb and pg_ctl are absent, makes a
# cluster in a temporary folder (owned by the `postgres` user when this runs as root:
# PostgreSQL refuses to run as root), starts it on a free loopback port and a Unix
# socket in that folder, creates a database, exports MARSAD_TEST_POSTGRES and
# MARSAD_REQUIRE_POSTGRES=1, and stops and removes it all when the script exits.

# The folder of initdb and pg_ctl: on the PATH, else Debian's newest.
postgres_bin() {
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    dirname "$(readlink -f "$(command -v initdb)")"
  else
    find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -1
  fi
}

stop_postgres() {
  [ -n "${PG_DIR:-}" ] || return 0
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}

start_postgres() {
  PG_BIN="$(postgres_bin)"
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    echo "== installing PostgreSQL (Debian's postgresql) for the PostgreSQL store's tests"
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
    PG_BIN="$(postgres_bin)"
  fi
  PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/marsad-ci-postgres.XXXXXX")"
  trap stop_postgres EXIT
  PG_AS=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$PG_DIR"
    PG_AS=(runuser -u postgres --)
  fi
  local port
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U marsad --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  # a throwaway cluster: no fsync, nothing to keep after a crash
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -s \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U marsad marsad_test
  export MARSAD_TEST_POSTGRES="postgres://marsad@127.0.0.1:$port/marsad_test"
  export MARSAD_REQUIRE_POSTGRES=1
  echo "== PostgreSQL $("$PG_BIN/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port for the store's tests"
}
