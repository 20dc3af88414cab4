# Shared by bench/run.sh and bench/compare.sh: build the tools, start and stop each server in a
# scratch directory, create the benchmark accounts with the server's own tools, run the scenarios.
# Every server listens on 127.0.0.1 only; every scenario is bounded in count and time.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
say() { echo "bench: $*" >&2; }

find_java() {
  local c
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    c=${c%/}
    [ -n "$c" ] && [ -x "$c/bin/java" ] || continue
    if "$c/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then echo "$c"; return 0; fi
  done
  return 1
}
JDK=$(find_java) || { say "no JDK 21+ found"; exit 1; }
JAVA="$JDK/bin/java"
SERVER_JAR="$ROOT/server/target/passerelle.jar"
BENCH_JAR="$ROOT/bench/target/passerelle-bench.jar"

build_jars() {
  if [ ! -f "$SERVER_JAR" ] || [ ! -f "$BENCH_JAR" ] || [ -n "$(find "$ROOT" -path "$ROOT/data" -prune -o \( -name '*.java' -o -name pom.xml \) -newer "$BENCH_JAR" -print -quit)" ]; then
    say "building the server and the load tool"
    (cd "$ROOT" && JAVA_HOME="$JDK" MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow" ./mvnw -B -q -DskipTests package -pl server,bench -am)
  fi
}

bench() { "$JAVA" ${BENCH_JAVA_OPTS:--Xms1g -Xmx6g} --enable-native-access=ALL-UNNAMED -jar "$BENCH_JAR" "$@"; }

wait_port() { # port, seconds
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null && return 0
    sleep 0.1
  done
  say "nothing listens on 127.0.0.1:$1 after $2 s"; return 1
}

# One self-signed certificate for localhost, given to every server: the same TLS cost everywhere.
# ECDSA P-256 by default (what a modern deployment gets from Let's Encrypt); BENCH_CERT=rsa for RSA-2048.
CERT_DIR=${BENCH_DIR:-/tmp/passerelle-bench}/cert-${BENCH_CERT:-ecdsa}
make_cert() {
  [ -f "$CERT_DIR/server.pem" ] && return 0
  mkdir -p "$CERT_DIR"
  local key=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1)
  [ "${BENCH_CERT:-ecdsa}" = rsa ] && key=(-newkey rsa:2048)
  openssl req -x509 "${key[@]}" -nodes -days 30 -subj /CN=localhost -addext subjectAltName=DNS:localhost \
    -keyout "$CERT_DIR/key.pem" -out "$CERT_DIR/cert.pem" 2>/dev/null
  cat "$CERT_DIR/cert.pem" "$CERT_DIR/key.pem" > "$CERT_DIR/server.pem"
  chmod 644 "$CERT_DIR"/*.pem # the ejabberd user reads it
}

# --- Passerelle ---------------------------------------------------------------------------------
PASSERELLE_PORT=15222
start_passerelle() { # dir population.xml
  local dir=$1
  mkdir -p "$dir"
  make_cert
  cat > "$dir/passerelle.yml" <<YML
listeners:
  c2s: {host: 127.0.0.1, port: $PASSERELLE_PORT}
  c2sDirectTls: {host: 127.0.0.1, port: 15223, enabled: false}
  http: {enabled: false}
  https: {enabled: false}
tls:
  required: false
  certificate: $CERT_DIR/cert.pem
  privateKey: $CERT_DIR/key.pem
auth:
  scramIterations: $SCRAM_ITERATIONS
# Like the other two, no message archive (XEP-0313) in the comparison (PASSERELLE_DISABLED= to keep it);
# rooms as configured for them.
disabledModules: [$PASSERELLE_DISABLED]
modules:
  muc: {maxHistory: $ROOM_HISTORY, maxUsers: $ROOM_MAX_USERS, defaults: {maxUsers: $ROOM_MAX_USERS}}
YML
  # PASSERELLE_TARIFF: a charging tariff (a YAML flow list) to measure what per-message billing costs.
  [ -z "${PASSERELLE_TARIFF:-}" ] || echo "  charging: {tariff: $PASSERELLE_TARIFF}" >> "$dir/passerelle.yml"
  # PASSERELLE_STORAGE: another database (a YAML flow map, e.g. PostgreSQL); use its own BENCH_DIR.
  [ -z "${PASSERELLE_STORAGE:-}" ] || echo "storage: $PASSERELLE_STORAGE" >> "$dir/passerelle.yml"
  if [ ! -f "$dir/imported" ]; then
    say "passerelle: importing $2"
    "$JAVA" -jar "$SERVER_JAR" import --config "$dir/passerelle.yml" --data "$dir/data" --details 3 "$2" >&2 && touch "$dir/imported"
  fi
  PASSERELLE_LOG_LEVEL=WARN setsid "$JAVA" ${PASSERELLE_SERVER_OPTS:--Xmx4g} -jar "$SERVER_JAR" run \
    --config "$dir/passerelle.yml" --data "$dir/data" > "$dir/server.log" 2>&1 &
  SERVER_PID=$!
  wait_port $PASSERELLE_PORT 60
}

# --- Prosody (Debian package, one Lua process) ---------------------------------------------------
PROSODY_PORT=25222
start_prosody() { # dir users roster_users
  local dir=$1
  mkdir -p "$dir/data"
  make_cert
  cat > "$dir/prosody.cfg.lua" <<LUA
run_as_root = true
daemonize = false
pidfile = "$dir/prosody.pid"
data_path = "$dir/data"
log = { warn = "$dir/prosody.log" }
interfaces = { "127.0.0.1" }
c2s_ports = { $PROSODY_PORT }
c2s_direct_tls_ports = { }
s2s_ports = { }
http_ports = { }
https_ports = { }
network_backend = "epoll"
network_settings = { tcp_backlog = 1024 }
modules_enabled = { "roster", "saslauth", "tls", "disco", "ping", "posix" }
modules_disabled = { "s2s", "offline", "c2s_timeout" }
c2s_require_encryption = false -- the TLS scenarios STARTTLS anyway; login-notls needs plain TCP
authentication = "internal_hashed"
storage = "internal"
allow_registration = false
VirtualHost "localhost"
  ssl = { key = "$CERT_DIR/key.pem", certificate = "$CERT_DIR/cert.pem" }
Component "conference.localhost" "muc"
  max_history_messages = $ROOM_HISTORY
  muc_room_default_history_length = $ROOM_HISTORY
LUA
  if [ ! -f "$dir/imported" ]; then
    say "prosody: writing $2 accounts (SCRAM-SHA-1, $SCRAM_ITERATIONS iterations) and rosters into its internal storage"
    python3 "$ROOT/bench/scripts/prosody_accounts.py" "$dir/data" localhost "$2" "$3" "$SCRAM_ITERATIONS" && touch "$dir/imported"
  fi
  setsid prosody --config "$dir/prosody.cfg.lua" > "$dir/stdout.log" 2>&1 &
  SERVER_PID=$!
  wait_port $PROSODY_PORT 30
}

# --- ejabberd (Debian package, Erlang VM) --------------------------------------------------------
EJABBERD_PORT=35222
start_ejabberd() { # dir population.xml
  local dir=$1
  mkdir -p "$dir/db" "$dir/logs"
  make_cert
  cat > "$dir/ejabberd.yml" <<YML
hosts: ["localhost"]
loglevel: warning
certfiles: ["$CERT_DIR/server.pem"]
listen:
  - {port: $EJABBERD_PORT, ip: "127.0.0.1", module: ejabberd_c2s, starttls: true, backlog: 1024, max_stanza_size: 262144, access: c2s}
auth_method: internal
auth_password_format: scram
auth_scram_hash: sha256
acl: {}
access_rules:
  c2s: {allow: all}
shaper: {}
shaper_rules: {}
modules:
  mod_roster: {}
  mod_disco: {}
  mod_ping: {}
  mod_admin_extra: {}
  mod_muc: {host: "conference.localhost", max_users: $ROOM_MAX_USERS, history_size: $ROOM_HISTORY, access_create: all, default_room_options: {max_users: $ROOM_MAX_USERS}}
YML
  cat > "$dir/ejabberdctl.cfg" <<CFG
ERL_OPTIONS="-env ERL_CRASH_DUMP_BYTES 0"
EJABBERD_PID_PATH=$dir/ejabberd.pid
INET_DIST_INTERFACE=127.0.0.1
ERL_MAX_PORTS=65536
CFG
  chown -R ejabberd:ejabberd "$dir"
  EJ_DIR=$dir
  wait_port_free $EJABBERD_PORT 30
  setsid bash -c "$(declare -f ej); EJ_DIR=$dir; ej start" > "$dir/start.log" 2>&1
  for i in $(seq 60); do ej status > /dev/null 2>&1 && break; sleep 1; done
  if [ ! -f "$dir/imported" ]; then
    # One ejabberdctl call gives up after about a minute: import the file in slices of 1,000 users
    # (the population file has one <user/> per line), then restart the node cleanly.
    say "ejabberd: import_piefxis $2, in slices"
    rm -rf "$dir/slices" && mkdir -p "$dir/slices"
    awk -v dir="$dir/slices" 'NR == 1 { next } /^<server-data/ || /<host / { head = head $0 "\n"; next }
      /<user / { if (n % 1000 == 0) { if (f) { print "  </host>\n</server-data>" > f; close(f) }
                   f = sprintf("%s/%05d.xml", dir, n / 1000); printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n%s", head > f }
                 print > f; n++ }
      END { if (f) print "  </host>\n</server-data>" > f }' "$2"
    chown -R ejabberd "$dir/slices"
    for f in "$dir"/slices/*.xml; do ej import_piefxis "$f" >&2 || { say "ejabberd: import of $f failed"; return 1; }; done
    touch "$dir/imported"
    stop_ejabberd
    setsid bash -c "$(declare -f ej); EJ_DIR=$dir; ej start" >> "$dir/start.log" 2>&1
    for i in $(seq 60); do ej status > /dev/null 2>&1 && break; sleep 1; done
  fi
  SERVER_PID=$(pgrep -f "beam.*-sname bench@localhost|beam.*bench@localhost" | head -1)
  wait_port $EJABBERD_PORT 30
}
# As the ejabberd user directly: Debian's ejabberdctl run as root re-runs itself through su,
# which drops the --config, --spool and --node options (and so would start the system config);
# its own ctl config would also point back at /etc. Erlang distribution and epmd stay on loopback;
# su starts it with 1,024 open files at most, too few for the idle scenario.
ej() {
  su -s /bin/sh ejabberd -c "ulimit -n 20000; ERL_EPMD_ADDRESS=127.0.0.1 ejabberdctl --config $EJ_DIR/ejabberd.yml --ctl-config $EJ_DIR/ejabberdctl.cfg --spool $EJ_DIR/db --logs $EJ_DIR/logs --node bench@localhost $*"
}
# Until nothing listens on the port: a node started while the old one still holds it fails with
# eaddrinuse and stops.
wait_port_free() { # port seconds
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null || return 0
    sleep 0.1
  done
  say "127.0.0.1:$1 still in use after $2 s"; return 1
}

stop_ejabberd() {
  ej stop > /dev/null 2>&1 || true
  for i in $(seq 30); do ej status > /dev/null 2>&1 || break; sleep 1; done
  wait_port_free $EJABBERD_PORT 30
  sleep 2
  su -s /bin/sh ejabberd -c "ERL_EPMD_ADDRESS=127.0.0.1 epmd -kill" > /dev/null 2>&1 || true # the epmd our node started
}
stop_passerelle() { stop_server "$SERVER_PID"; }
stop_prosody() { stop_server "$SERVER_PID"; }

# Starts a server by name with the arguments kept in START_ARGS, stopping the running one first.
restart() { # name
  "stop_$1"
  sleep 2
  "start_$1" "${START_ARGS[@]}"
}

stop_server() { # pid
  kill "$1" 2>/dev/null || true
  for i in $(seq 50); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$1" 2>/dev/null || true
}

# --- The scenarios, the same for every server ----------------------------------------------------
# Each idle size runs on a freshly started server, so memory grows from the same baseline.
run_suite() { # label port results.jsonl; the server runs (SERVER_PID) and START_ARGS restart it
  local label=$1 port=$2 out=$3 n
  local common=(--port "$port" --label "$label" --json "$out" --concurrency "$LOGIN_CONCURRENCY")
  for n in $IDLE_SIZES; do
    restart "$label"
    say "$label: idle, $n TLS sessions"
    bench --scenario idle --no-roster --users "$n" --duration "$IDLE_SECONDS" --source-addresses 127.0.0.2,127.0.0.3 \
      --server-pid "$SERVER_PID" "${common[@]}" > /dev/null
  done
  restart "$label"
  common+=(--server-pid "$SERVER_PID")
  # Steady state, not start-up: a JVM compiles its hot paths during the first few thousand logins
  # (C2 took a third of Passerelle's CPU then). Every server gets the same unrecorded warm-up.
  say "$label: warm-up, $WARMUP_LOGINS logins (not recorded)"
  bench --scenario login --users "$WARMUP_LOGINS" --port "$port" --concurrency "$LOGIN_CONCURRENCY" > /dev/null 2>&1 || true
  say "$label: login, STARTTLS, $LOGIN_USERS users"
  bench --scenario login --users "$LOGIN_USERS" "${common[@]}" > /dev/null
  say "$label: login without TLS"
  bench --scenario login --no-tls --users "$LOGIN_USERS" "${common[@]}" > /dev/null || say "$label: no plain-TCP login"

  say "$label: chat, $CHAT_USERS users, rates $CHAT_RATES"
  bench --scenario chat --users "$CHAT_USERS" --rates "$CHAT_RATES" --duration "$CHAT_SECONDS" "${common[@]}" > /dev/null
  say "$label: presence, $PRESENCE_USERS users with $CONTACTS contacts, $PRESENCE_RATE changes/s"
  bench --scenario presence --users "$PRESENCE_USERS" --rate "$PRESENCE_RATE" --duration "$PRESENCE_SECONDS" "${common[@]}" > /dev/null
  if [ -n "$ROOM_SIZES" ]; then
    say "$label: rooms of $ROOM_SIZES occupants, $ROOM_RATES deliveries/s"
    bench --scenario rooms --no-roster --users "$ROOM_USERS" --room-sizes "$ROOM_SIZES" --rates "$ROOM_RATES" \
      --duration "$ROOM_SECONDS" "${common[@]}" > /dev/null || say "$label: rooms scenario failed"
  fi
}

# Defaults: small enough for 2 cores shared by both sides, large enough to be stable.
: "${SCRAM_ITERATIONS:=4096}"
: "${POPULATION:=19500}"
: "${CONTACTS:=50}"
: "${LOGIN_USERS:=3000}"
: "${LOGIN_CONCURRENCY:=50}"
: "${WARMUP_LOGINS:=6000}"
: "${IDLE_SIZES=5000 10000 19500}" # empty: no idle scenario
: "${IDLE_SECONDS:=10}"
: "${CHAT_USERS:=1000}"
: "${CHAT_RATES:=2000,4000,8000,12000,16000,24000,32000}"
: "${CHAT_SECONDS:=5}"
: "${PRESENCE_USERS:=2000}"
: "${PRESENCE_RATE:=200}"
: "${PRESENCE_SECONDS:=10}"
: "${ROOM_SIZES=10,100,1000}" # empty: no rooms scenario
: "${PASSERELLE_DISABLED=mam}" # modules Passerelle runs without in the benchmark
: "${ROOM_USERS:=1000}"
: "${ROOM_RATES:=4000,16000,32000,64000,96000,128000}"
: "${ROOM_SECONDS:=5}"
: "${ROOM_HISTORY:=20}"
: "${ROOM_MAX_USERS:=1000}"
