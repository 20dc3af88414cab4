#!/usr/bin/env bash
# Runs every scenario against Passerelle alone (a scratch server on 127.0.0.1:15222) and prints the
# results table. Settings come from the environment (see bench/scripts/lib.sh), e.g.
#   IDLE_SIZES="5000" CHAT_RATES=1000,4000 bench/run.sh
set -euo pipefail
. "$(dirname "$0")/scripts/lib.sh"
WORK=${BENCH_DIR:-/tmp/passerelle-bench}
mkdir -p "$WORK"
build_jars
POP="$WORK/population-$POPULATION.xml"
[ -f "$POP" ] || bench population --users "$POPULATION" --contacts "$CONTACTS" --roster-users "$PRESENCE_USERS" --out "$POP"
RESULTS="$WORK/results-$(date +%Y%m%d-%H%M%S).jsonl"
START_ARGS=("$WORK/passerelle" "$POP")
start_passerelle "${START_ARGS[@]}"
trap 'stop_passerelle' EXIT
run_suite passerelle $PASSERELLE_PORT "$RESULTS"
bench report "$RESULTS"
say "results: $RESULTS"
