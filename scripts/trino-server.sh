#!/usr/bin/env bash
# A throwaway single-node Trino server on 127.0.0.1 for the DuckDB-vs-Trino tests.
#   scripts/trino-server.sh fetch            download io.trino:trino-server from Maven Central into ~/.m2 (cached)
#   scripts/trino-server.sh start DIR LAKE   unpack (cached), configure in DIR, serve LAKE (a folder) to the hive catalog;
#                                            prints the port, waits until the server answers
#   scripts/trino-server.sh stop DIR         stop the server by its PID
# The server needs Java 24+: the Temurin JDK under /usr/lib/jvm (or TRINO_JAVA_HOME).
set -euo pipefail
VERSION=476
TARBALL="$HOME/.m2/repository/io/trino/trino-server/$VERSION/trino-server-$VERSION.tar.gz"
CACHE="${MARQUEE_CACHE:-$HOME/.cache/marquee}"
HOME_DIR="$CACHE/trino-server-$VERSION"

fetch() {
  if [ ! -f "$TARBALL" ]; then
    mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.11.0:get \
      -Dartifact="io.trino:trino-server:$VERSION:tar.gz" -Dtransitive=false
  fi
}

java_home() {
  if [ -n "${TRINO_JAVA_HOME:-}" ]; then echo "$TRINO_JAVA_HOME"; return; fi
  for candidate in /usr/lib/jvm/temurin-2[4-9]* /usr/lib/jvm/temurin-3*; do
    [ -x "$candidate/bin/java" ] && { echo "$candidate"; return; }
  done
  echo "no Java 24+ found for Trino (set TRINO_JAVA_HOME)" >&2
  exit 3
}

unpack() {
  fetch
  if [ ! -x "$HOME_DIR/bin/launcher" ]; then
    mkdir -p "$CACHE"
    tar -xzf "$TARBALL" -C "$CACHE"
  fi
}

start() {
  local dir lake port
  dir=$(realpath -m "$1"); lake=$(realpath -m "$2")
  unpack
  mkdir -p "$dir/etc/catalog" "$dir/data" "$dir/plugin" "$lake"
  # Only the plugins used: start-up is much faster.
  for plugin in hive; do ln -sfn "$HOME_DIR/plugin/$plugin" "$dir/plugin/$plugin"; done
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  cat > "$dir/etc/node.properties" <<PROPS
node.environment=marquee_test
node.id=marquee-test-node
node.data-dir=$dir/data
node.internal-address=127.0.0.1
node.bind-ip=127.0.0.1
PROPS
  cat > "$dir/etc/config.properties" <<PROPS
coordinator=true
node-scheduler.include-coordinator=true
http-server.http.port=$port
discovery.uri=http://127.0.0.1:$port
query.max-memory=2GB
query.max-memory-per-node=2GB
plugin.dir=$dir/plugin
PROPS
  cat > "$dir/etc/jvm.config" <<'PROPS'
-server
-Xmx4G
-XX:+UseG1GC
-XX:+ExplicitGCInvokesConcurrent
-XX:+ExitOnOutOfMemoryError
-XX:+HeapDumpOnOutOfMemoryError
-Djdk.attach.allowAttachSelf=true
-Dfile.encoding=UTF-8
-XX:+EnableDynamicAgentLoading
PROPS
  cat > "$dir/etc/catalog/hive.properties" <<PROPS
connector.name=hive
hive.metastore=file
hive.metastore.catalog.dir=local:///metastore
fs.native-local.enabled=true
local.location=$lake
hive.non-managed-table-writes-enabled=true
hive.timestamp-precision=MICROSECONDS
PROPS
  echo "$port" > "$dir/port"
  JAVA_HOME=$(java_home) "$HOME_DIR/bin/launcher" --etc-dir="$dir/etc" --data-dir="$dir/data" start >/dev/null
  for _ in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$port/v1/info" 2>/dev/null | grep -q '"starting":false'; then
      echo "$port"; return 0
    fi
    sleep 1
  done
  echo "Trino did not start within 120 s; see $dir/data/var/log/server.log" >&2
  stop "$dir"
  exit 4
}

stop() {
  local dir pid
  dir=$(realpath -m "$1")
  pid_file="$dir/data/var/run/launcher.pid"
  if [ -f "$pid_file" ]; then
    pid=$(cat "$pid_file")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pid_file"
  fi
}

case "${1:-}" in
  fetch) fetch ;;
  start) start "$2" "$3" ;;
  stop) stop "$2" ;;
  *) echo "usage: $0 fetch | start DIR LAKE | stop DIR" >&2; exit 2 ;;
esac
