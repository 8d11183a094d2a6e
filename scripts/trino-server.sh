#!/usr/bin/env bash
# A throwaway single-node Trino server on 127.0.0.1 for the Trino tests and scripts/trino-benchmark.sh.
#   scripts/trino-server.sh fetch            download io.trino:trino-server from Maven Central into ~/.m2 (cached)
#   scripts/trino-server.sh start DIR LAKE [--secure]
#                                            unpack (cached), configure in DIR, serve LAKE (a folder) to the hive catalog;
#                                            waits until the server answers, prints the port clients use (also in DIR/port)
#   scripts/trino-server.sh stop DIR         stop the server by its PID
# --secure: HTTPS with a self-signed certificate for 127.0.0.1 (DIR/etc/server.pem, for the client to trust) and
#   password authentication from a file whose one user is MARQUEE_TRINO_USER with password MARQUEE_TRINO_PASSWORD;
#   the printed port is the HTTPS one. Plain HTTP stays open beside it without a password (its port in DIR/http-port),
#   so that one server serves the tests of credentials and the others.
# Memory: TRINO_HEAP (JVM -Xmx, default 4G), TRINO_QUERY_MEMORY (query.max-memory and per node, default 2GB; Trino keeps
#   30% of the heap as headroom, so it must stay below 70% of TRINO_HEAP), TRINO_SPILL_DIR (spill to disk there; default off).
# TRINO_SHORT_LIVED=1: the tests' server, which answers a few hundred small statements and stops. Its JVM compiles with
#   C1 only and collects with the serial collector: on two cores the tests' reports took about a quarter less time
#   (C2's compiling and G1's threads compete with the statements). The benchmark's long scans keep the defaults.
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

free_ports() {
  python3 -c '
import socket
sockets = [socket.socket() for _ in range(2)]
for s in sockets: s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in sockets))
for s in sockets: s.close()'
}

# Runs a command and shows its output only when it fails.
quietly() {
  local output
  output=$("$@" 2>&1) || { echo "$output" >&2; return 1; }
}

random_secret() {
  python3 -c 'import secrets; print(secrets.token_hex(24))'
}

# One line of Trino's password file: user:iterations:salt:hash, PBKDF2WithHmacSHA1 in lower-case hex (as Trino 476 reads it).
password_line() {
  python3 -c '
import hashlib, os, sys
user, password = os.environ.get("MARQUEE_TRINO_USER", ""), os.environ.get("MARQUEE_TRINO_PASSWORD", "")
if not user or ":" in user or not password:
    sys.exit("--secure needs MARQUEE_TRINO_USER (without \":\") and MARQUEE_TRINO_PASSWORD")
salt, iterations = os.urandom(16), 10000
digest = hashlib.pbkdf2_hmac("sha1", password.encode(), salt, iterations)
print(f"{user}:{iterations}:{salt.hex()}:{digest.hex()}")'
}

# HTTPS on its own port and password authentication; plain HTTP stays for the node's own (shared-secret) traffic.
secure() {
  local etc=$1 https_port=$2 store_password
  store_password=$(random_secret)
  password_line > "$etc/password.db"
  chmod 600 "$etc/password.db"
  rm -f "$etc/keystore.p12"
  quietly "$JAVA_HOME/bin/keytool" -genkeypair -alias trino -keyalg EC -groupname secp256r1 -validity 30 \
    -dname CN=127.0.0.1 -ext SAN=ip:127.0.0.1 -storetype PKCS12 -keystore "$etc/keystore.p12" -storepass "$store_password"
  quietly "$JAVA_HOME/bin/keytool" -exportcert -rfc -alias trino -keystore "$etc/keystore.p12" -storepass "$store_password" \
    -file "$etc/server.pem"
  cat >> "$etc/config.properties" <<PROPS
http-server.https.enabled=true
http-server.https.port=$https_port
http-server.https.keystore.path=$etc/keystore.p12
http-server.https.keystore.key=$store_password
http-server.authentication.type=PASSWORD
http-server.authentication.allow-insecure-over-http=true
internal-communication.shared-secret=$(random_secret)
PROPS
  cat > "$etc/password-authenticator.properties" <<PROPS
password-authenticator.name=file
file.password-file=$etc/password.db
PROPS
}

start() {
  local dir lake secure plugins port https_port client_port info_url curl_trust=()
  dir=$(realpath -m "$1"); lake=$(realpath -m "$2"); secure=${3:-}
  [ -z "$secure" ] || [ "$secure" = --secure ] || { echo "unknown option: $secure" >&2; exit 2; }
  JAVA_HOME=$(java_home); export JAVA_HOME
  unpack
  mkdir -p "$dir/etc/catalog" "$dir/data" "$dir/plugin" "$lake"
  # Only the plugins used: start-up is much faster.
  rm -rf "$dir/plugin"/*
  plugins=(hive); [ -z "$secure" ] || plugins+=(password-authenticators)
  for plugin in "${plugins[@]}"; do ln -sfn "$HOME_DIR/plugin/$plugin" "$dir/plugin/$plugin"; done
  read -r port https_port < <(free_ports)
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
query.max-memory=${TRINO_QUERY_MEMORY:-2GB}
query.max-memory-per-node=${TRINO_QUERY_MEMORY:-2GB}
plugin.dir=$dir/plugin
PROPS
  if [ -n "${TRINO_SPILL_DIR:-}" ]; then
    mkdir -p "$TRINO_SPILL_DIR"
    printf 'spill-enabled=true\nspiller-spill-path=%s\n' "$(realpath -m "$TRINO_SPILL_DIR")" >> "$dir/etc/config.properties"
  fi
  rm -f "$dir/etc/password-authenticator.properties"
  client_port=$port; info_url="http://127.0.0.1:$port/v1/info"
  if [ -n "$secure" ]; then
    secure "$dir/etc" "$https_port"
    client_port=$https_port; info_url="https://127.0.0.1:$https_port/v1/info"; curl_trust=(--cacert "$dir/etc/server.pem")
  fi
  local tiers=4 collector=-XX:+UseG1GC
  [ "${TRINO_SHORT_LIVED:-}" != 1 ] || { tiers=1; collector=-XX:+UseSerialGC; }
  cat > "$dir/etc/jvm.config" <<PROPS
-server
-Xmx${TRINO_HEAP:-4G}
-XX:TieredStopAtLevel=$tiers
$collector
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
  echo "$client_port" > "$dir/port"
  echo "$port" > "$dir/http-port"
  "$HOME_DIR/bin/launcher" --etc-dir="$dir/etc" --data-dir="$dir/data" start >/dev/null
  for _ in $(seq 1 120); do
    if ! kill -0 "$(cat "$dir/data/var/run/launcher.pid" 2>/dev/null)" 2>/dev/null; then
      echo "Trino stopped while starting; see $dir/data/var/log/server.log" >&2
      stop "$dir"
      exit 4
    fi
    if curl -sf "${curl_trust[@]}" "$info_url" 2>/dev/null | grep -q '"starting":false'; then
      echo "$client_port"; return 0
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
  start) start "$2" "$3" "${4:-}" ;;
  stop) stop "$2" ;;
  *) echo "usage: $0 fetch | start DIR LAKE [--secure] | stop DIR" >&2; exit 2 ;;
esac
