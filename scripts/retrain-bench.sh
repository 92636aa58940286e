#!/usr/bin/env bash
# Does retraining disturb the stream? Runs the forecaster against the local broker twice at the same load, once with
# retraining off and once retraining every few seconds, and prints the bench's JSON line for each plus the number of
# consumer-group rebalances the forecaster went through while the load ran.
#
#   scripts/retrain-bench.sh      # RATE=5000 SECONDS_PER_RUN=60 KEYS=500 GUARANTEE=at_least_once WARMUP=10s
#
# RUNS: which runs, in order (default "broker-warmup retrain-off retrain-every-few-seconds"; also "defaults": every
# setting at its default, retraining at most every 30 s). broker-warmup is a retrain-off run whose figures are not a
# measurement: the script's broker is a fresh JVM, and its JIT made the first run's p99 seconds long at 40,000/s.
# WARMUP: records sent in the first WARMUP are left out of the latency figures. A fresh forecaster JVM is not in its
# steady state for about a minute (it compiles its hot code, and its young collections take 20-46 ms until ~55 s,
# 4-9 ms after: see README, Performance), so SECONDS_PER_RUN=150 WARMUP=60s measures the steady state at 40,000/s.
#
# Needs the jars (mvn -B -DskipTests package; APP_JAR and GEN_JAR point elsewhere). Starts scripts/local-kafka.sh on KAFKA_PORT (default 9192) with its
# own data directory under target/, and stops it at the end.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rate="${RATE:-5000}"; secs="${SECONDS_PER_RUN:-60}"; keys="${KEYS:-500}"; guarantee="${GUARANTEE:-at_least_once}"
warmup="${WARMUP:-10s}"
port="${KAFKA_PORT:-9192}"
app_jar="${APP_JAR:-$root/stream-app/target/stream-app.jar}"
gen_jar="${GEN_JAR:-$root/load-generator/target/load-generator.jar}"
work="$root/target/retrain-bench"
rm -rf "$work"; mkdir -p "$work"
export KAFKA_PORT="$port" KAFKA_DATA_DIR="$work/kafka"
trap '"$root/scripts/local-kafka.sh" stop >/dev/null 2>&1 || true; pkill -f "application.id=retrain-bench" || true' EXIT
"$root/scripts/local-kafka.sh" start >/dev/null
bootstrap="127.0.0.1:$port"

run() { # name, extra forecaster settings...
  local name="$1"; shift
  local app="retrain-bench-$name"
  java -jar "$app_jar" run --bootstrap-servers "$bootstrap" \
    --set application.id="$app" --set state.dir="$work/state-$name" --set http.port=0 \
    --set processing.guarantee="$guarantee" --set topic.observations="obs-$name" --set topic.forecasts="fc-$name" \
    --set topic.dlq="dlq-$name" --set topic.models="models-$name" --set topic.training="samples-$name" \
    "$@" >"$work/$name.log" 2>&1 &
  local pid=$!
  until grep -q "streamcast running" "$work/$name.log"; do sleep 0.5; done
  sleep 5
  java -jar "$gen_jar" bench -b "$bootstrap" --mode rate --rate "$rate" \
    --duration "${secs}s" --keys "$keys" --topic "obs-$name" --forecasts-topic "fc-$name" --dlq-topic "dlq-$name" \
    --warmup "$warmup" -q 2>"$work/bench-$name.err" | tail -n 1 >"$work/bench-$name.json"
  local rebalances trainings
  rebalances=$(grep -c "RUNNING -> REBALANCING" "$work/$name.log" || true)
  trainings=$(grep -c "published model version\|candidate rejected" "$work/$name.log" || true)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "{\"run\":\"$name\",\"rebalances_after_start\":$rebalances,\"training_runs\":$trainings,\"bench\":$(cat "$work/bench-$name.json")}"
}

for r in ${RUNS:-broker-warmup retrain-off retrain-every-few-seconds}; do
  case "$r" in
    retrain-off) run retrain-off --set retrain.enabled=false ;;
    retrain-every-few-seconds) run retrain-every-few-seconds --set retrain.enabled=true --set retrain.min.samples=500 \
      --set retrain.every.samples=1000 --set retrain.min.interval.ms=3000 --set retrain.reservoir=5000 ;;
    defaults) run defaults ;;
    broker-warmup) run broker-warmup --set retrain.enabled=false ;;
    *) echo "unknown run '$r' (broker-warmup, retrain-off, retrain-every-few-seconds, defaults)" >&2; exit 2 ;;
  esac
done
