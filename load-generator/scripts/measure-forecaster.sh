#!/usr/bin/env bash
# Benches the real forecaster (stream-app.jar) against the baseline Streams app on a broker at $BOOTSTRAP (default
# 127.0.0.1:9092), each on topics of its own (lg-fx<time>*), so nothing else reading `observations` is disturbed.
#   max mode, PAIRS times (default 2): pre-produce COUNT (1600000) records over KEYS (1000) series, then start the
#   app under test in a fresh JVM of its own and time its drain; first the baseline (`load-generator.jar baseline`),
#   then the forecaster (`stream-app.jar run`), both exactly-once with THREADS (1) stream threads. Prints each JSON
#   line and the forecaster/baseline throughput ratio of each pair.
# With RATE set (e.g. RATE=8000), also a fixed-rate latency run of the forecaster for SECS (60) seconds first.
# SET="key=value ..." passes more settings to the forecaster (e.g. SET="rocksdb.memtable.bytes=16777216").
# After each app run it deletes that run's topics (`delete-topics --prefix <run>-`, the app's internal ones too), so
# the broker's log cleaner does not keep compacting old changelogs during later runs; KEEP_TOPICS=1 keeps them.
# Needs both jars:
#   mvn -B -q -DskipTests package && load-generator/scripts/measure-forecaster.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
gen=load-generator/target/load-generator.jar
app=stream-app/target/stream-app.jar
bootstrap="${BOOTSTRAP:-127.0.0.1:9092}"
count="${COUNT:-1600000}" keys="${KEYS:-1000}" pairs="${PAIRS:-2}" threads="${THREADS:-1}"
work="$(mktemp -d)"
extra=()
for kv in ${SET:-}; do extra+=(--set "$kv"); done
app_pid=""
trap '[[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null; rm -rf "$work"' EXIT

start_forecaster() { # topic prefix
  local p="$1"
  java -jar "$app" run --bootstrap-servers "$bootstrap" --set application.id="$p-app" \
    --set state.dir="$work/state-$p" --set http.port=0 --set topic.observations="$p-obs" \
    --set topic.forecasts="$p-fc" --set topic.dlq="$p-dlq" --set topic.models="$p-models" \
    --set topic.training="$p-samples" --set num.stream.threads="$threads" "${extra[@]}" >"$work/$p.log" 2>&1 &
  app_pid=$!
}
start_baseline() { # topic prefix
  local p="$1"
  java -jar "$gen" baseline -b "$bootstrap" --application-id "$p-app" --topic "$p-obs" --forecasts-topic "$p-fc" \
    --dlq-topic "$p-dlq" --processing-guarantee exactly_once_v2 --threads "$threads" >"$work/$p.log" 2>&1 &
  app_pid=$!
}
stop_app() {
  kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""
}
delete_topics() { # topic prefix; every topic of the run is named "$p-...": a warning, not an abort, if that fails
  local p="$1"
  [[ "${KEEP_TOPICS:-}" == 1 ]] && return 0
  if ! java -jar "$gen" delete-topics -b "$bootstrap" --prefix "$p-" >"$work/$p.delete.log" 2>&1; then
    echo "warning: could not delete the topics $p-*: $(grep -m 1 '^error:' "$work/$p.delete.log" \
      || tail -n 1 "$work/$p.delete.log")" >&2
  fi
}
max_run() { # which (baseline|forecaster) -> prints the bench's JSON line
  local which="$1" p="lg-fx$(date +%s%N | cut -c6-15)"
  java -jar "$gen" bench -b "$bootstrap" --mode max --count "$count" --keys "$keys" --warmup 2s --tail-timeout 60s \
    --topic "$p-obs" --forecasts-topic "$p-fc" --dlq-topic "$p-dlq" --progress-interval 5s \
    >"$work/$p.json" 2>"$work/$p.err" &
  local bench_pid=$!
  until grep -q "start the app under test now" "$work/$p.err" 2>/dev/null; do
    kill -0 "$bench_pid" 2>/dev/null || { cat "$work/$p.err" >&2; exit 1; }
    sleep 0.3
  done
  "start_$which" "$p"
  wait "$bench_pid" || true
  stop_app
  delete_topics "$p"
  tail -n 1 "$work/$p.json"
}
throughput() { sed -n 's/.*"throughput_per_s":\([0-9.]*\).*/\1/p'; }

if [[ -n "${RATE:-}" ]]; then
  p="lg-fx$(date +%s)r"
  start_forecaster "$p"
  until grep -q "streamcast running" "$work/$p.log" 2>/dev/null; do sleep 0.5; done
  sleep 5
  echo "## forecaster at $RATE/s for ${SECS:-60}s, $keys keys, exactly_once_v2 (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  java -jar "$gen" bench -b "$bootstrap" --rate "$RATE" --duration "${SECS:-60}s" --keys "$keys" --warmup 10s \
    --topic "$p-obs" --forecasts-topic "$p-fc" --dlq-topic "$p-dlq" --quiet 2>/dev/null | tail -n 1
  stop_app
  delete_topics "$p"
fi

for i in $(seq 1 "$pairs"); do
  echo "## pair $i: bench --mode max, $count records, $keys keys, exactly_once_v2, $threads stream thread(s), each app in a fresh JVM (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  b="$(max_run baseline)"; echo "baseline:   $b"
  f="$(max_run forecaster)"; echo "forecaster: $f"
  echo "forecaster/baseline throughput: $(awk -v f="$(echo "$f" | throughput)" -v b="$(echo "$b" | throughput)" \
    'BEGIN { printf "%.0f / %.0f = %.2f", f, b, f / b }')"
done
