#!/usr/bin/env bash
# Passerelle, Prosody and ejabberd side by side on this machine: installs Prosody and ejabberd from
# Debian's packages if missing, configures each in a scratch directory (127.0.0.1 only, domain
# localhost, one self-signed ECDSA P-256 certificate, the same accounts and rosters, the same SCRAM
# iteration count), runs the same scenarios against each in turn and prints one table with ratios.
#   bench/compare.sh                    every server
#   SERVERS="passerelle ejabberd" bench/compare.sh
set -euo pipefail
. "$(dirname "$0")/scripts/lib.sh"
WORK=${BENCH_DIR:-/tmp/passerelle-bench}
SERVERS=${SERVERS:-passerelle prosody ejabberd}
mkdir -p "$WORK"
if ! command -v prosody > /dev/null || ! command -v ejabberdctl > /dev/null; then
  say "installing prosody and ejabberd from Debian's packages"
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q prosody ejabberd openssl
fi
build_jars
POP="$WORK/population-$POPULATION.xml"
[ -f "$POP" ] || bench population --users "$POPULATION" --contacts "$CONTACTS" --roster-users "$PRESENCE_USERS" --out "$POP"
RESULTS="$WORK/compare-$(date +%Y%m%d-%H%M%S).jsonl"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for s in $SERVERS; do
  case $s in
    passerelle) START_ARGS=("$WORK/passerelle" "$POP"); port=$PASSERELLE_PORT ;;
    prosody) START_ARGS=("$WORK/prosody" "$POPULATION" "$PRESENCE_USERS"); port=$PROSODY_PORT ;;
    ejabberd) START_ARGS=("$WORK/ejabberd" "$POP"); port=$EJABBERD_PORT ;;
    *) say "unknown server $s"; exit 2 ;;
  esac
  "start_$s" "${START_ARGS[@]}"
  run_suite "$s" "$port" "$RESULTS"
  "stop_$s"
  sleep 3
done
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r); load average before the run $LOAD_BEFORE"
  echo "versions: passerelle $(cd "$ROOT" && git rev-parse --short HEAD), $("$JAVA" -version 2>&1 | head -1); prosody $(dpkg-query -W -f='${Version}' prosody 2>/dev/null); ejabberd $(dpkg-query -W -f='${Version}' ejabberd 2>/dev/null)"
  echo "settings: SCRAM iterations $SCRAM_ITERATIONS; certificate ${BENCH_CERT:-ecdsa} (one for all); warm-up $WARMUP_LOGINS logins; login $LOGIN_USERS users, $LOGIN_CONCURRENCY in flight; idle $IDLE_SIZES for $IDLE_SECONDS s; chat $CHAT_USERS users at $CHAT_RATES msg/s, $CHAT_SECONDS s a step; presence $PRESENCE_USERS users x $CONTACTS contacts at $PRESENCE_RATE changes/s"
  bench report "$RESULTS"
} | tee "$RESULTS.table"
say "results: $RESULTS and $RESULTS.table"
