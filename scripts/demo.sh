#!/usr/bin/env bash
# The streamcast demo on one machine, no Docker: a real Kafka broker, the forecaster with its dashboard, and the
# load generator feeding a few hundred series of mixed shapes. Ctrl-C stops everything it started.
#
#   scripts/demo.sh            # then open the dashboard URL it prints
#
# Environment (defaults in brackets): DEMO_HTTP_PORT [8080], DEMO_KAFKA_PORT [19092], DEMO_KEYS [300] series,
# DEMO_RATE [600] records/s, DEMO_MIN_SAMPLES [500] training windows before the first model.
# Everything lives under target/demo/ (broker data, state, logs) and is wiped at the next start.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
demo="$root/target/demo"
http_port="${DEMO_HTTP_PORT:-8080}"
kafka_port="${DEMO_KAFKA_PORT:-19092}"
keys="${DEMO_KEYS:-300}"
rate="${DEMO_RATE:-600}"
min_samples="${DEMO_MIN_SAMPLES:-500}"
app_jar="$root/stream-app/target/stream-app.jar"
gen_jar="$root/load-generator/target/load-generator.jar"
broker_started=""
app_pid=""
gen_pid=""

say() { printf '[demo %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

http_get() { # prints the body of GET http://127.0.0.1:$http_port$1, or fails
  if command -v curl >/dev/null; then
    curl -fsS --max-time 3 "http://127.0.0.1:$http_port$1"
  else
    exec 3<>"/dev/tcp/127.0.0.1/$http_port" || return 1
    printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" >&3
    sed '1,/^\r$/d' <&3
    exec 3<&-
  fi
}

json_number() { # json_number KEY < json: the first numeric value of "KEY" (enough for /stats)
  grep -o "\"$1\":[0-9.eE+-]*" | head -n 1 | cut -d: -f2
}

stop_all() {
  trap - INT TERM EXIT
  echo
  say "stopping..."
  [[ -n "$gen_pid" ]] && kill "$gen_pid" 2>/dev/null || true
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$app_pid" 2>/dev/null || true
  fi
  [[ -n "$gen_pid" ]] && { wait "$gen_pid" 2>/dev/null || true; }
  if [[ -n "$broker_started" ]]; then
    KAFKA_PORT="$kafka_port" KAFKA_DATA_DIR="$demo/kafka" scripts/local-kafka.sh stop >/dev/null || true
  fi
  say "stopped: nothing left running. Logs are in $demo/"
  exit 0
}
trap stop_all INT TERM EXIT

# 1. Build what is missing (first run: a few minutes, mostly downloads).
if [[ ! -f "$app_jar" || ! -f "$gen_jar" || ! -f "$root/kafka-local/target/classpath.txt" ]]; then
  say "building the jars (mvn -B -q -DskipTests package)..."
  mvn -B -q -DskipTests package
fi

# 2. A fresh broker of our own, on its own port and data directory.
if (exec 3<>"/dev/tcp/127.0.0.1/$http_port") 2>/dev/null; then
  say "port $http_port is taken; set DEMO_HTTP_PORT to a free port"; exit 1
fi
# A broker left by an earlier demo that was killed hard (kill -9) would keep the port: stop it before wiping.
KAFKA_PORT="$kafka_port" KAFKA_DATA_DIR="$demo/kafka" scripts/local-kafka.sh stop >/dev/null 2>&1 || true
rm -rf "$demo" && mkdir -p "$demo"
say "starting Kafka on 127.0.0.1:$kafka_port (data in $demo/kafka)..."
broker_started=yes
KAFKA_PORT="$kafka_port" KAFKA_DATA_DIR="$demo/kafka" scripts/local-kafka.sh start >/dev/null

# 3. The forecaster: fresh state, an early first training so a model appears within a minute or two.
say "starting the forecaster (log: $demo/forecaster.log)..."
java -jar "$app_jar" run --bootstrap-servers "127.0.0.1:$kafka_port" \
  --set application.id=streamcast-demo --set state.dir="$demo/state" --set http.port="$http_port" \
  --set retrain.min.samples="$min_samples" --set retrain.every.samples=3000 \
  --set retrain.min.interval.ms=30000 >"$demo/forecaster.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do
  http_get /ready >/dev/null 2>&1 && break
  kill -0 "$app_pid" 2>/dev/null || { say "the forecaster exited; last lines of its log:"; tail -n 20 "$demo/forecaster.log"; exit 1; }
  sleep 0.5
done

# 4. The generator: seasonal sensors, random-walk prices with volatility regimes, a regime shift for the sensors
#    a few minutes in, 1% gaps and 0.5% faulty records (they land on the dead-letter topic).
say "starting the generator: $keys series at $rate records/s (log: $demo/generator.log)..."
java -jar "$gen_jar" produce -b "127.0.0.1:$kafka_port" --keys "$keys" --rate "$rate" --start now \
  --price-fraction 0.3 --regime-shift-at 6h --gap-fraction 0.01 --fault-fraction 0.005 \
  --progress-interval 10s >"$demo/generator.log" 2>&1 &
gen_pid=$!
started=$(date +%s)

echo
say "dashboard:  http://127.0.0.1:$http_port/"
say "also:       /metrics  /stats  /series  /series/{id}  /models/current  /ready"
say "Ctrl-C stops the generator, the forecaster and the broker."
echo

# 5. Until Ctrl-C: a status line every 10 s, and when the first forecast and the first model arrived.
first_forecast=""
first_model=""
last_print=0
while true; do
  kill -0 "$app_pid" 2>/dev/null || { say "the forecaster stopped; see $demo/forecaster.log"; exit 1; }
  stats="$(http_get /stats 2>/dev/null || true)"
  now=$(( $(date +%s) - started ))
  forecasts="$(json_number forecasts <<<"$stats")"
  version="$(json_number model_version <<<"$stats")"
  if [[ -z "$first_forecast" && -n "$forecasts" && "${forecasts%.*}" -gt 0 ]]; then
    first_forecast=$now; say "first forecast after ${now}s"
  fi
  if [[ -z "$first_model" && -n "$version" && "$version" -gt 0 ]]; then
    first_model=$now; say "first trained model (v$version) serving after ${now}s"
  fi
  if (( now - last_print >= 10 )); then
    last_print=$now
    say "t=${now}s forecasts=${forecasts:-?} serving model v${version:-?}"
  fi
  sleep 1
done
