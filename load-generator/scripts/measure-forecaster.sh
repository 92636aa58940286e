#!/usr/bin/env bash
# Benches the real forecaster (stream-app.jar) against the in-process baseline on a broker at $BOOTSTRAP (default
# 127.0.0.1:9092), each on topics of its own (lg-fx<N>-*), so nothing else reading `observations` is disturbed:
#   1. rate mode, --compare-baseline: latency at RATE (2000/s) for SECS (60) over KEYS (500) series, EOS
#   2. max mode: pre-produce COUNT (200000) records, then start a fresh forecaster and time its drain
# Prints the load average and each bench's JSON line. Leaves its topics (lg-fx<time>*) on the broker. Needs both jars:
#   mvn -B -q -DskipTests package && load-generator/scripts/measure-forecaster.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
gen=load-generator/target/load-generator.jar
app=stream-app/target/stream-app.jar
bootstrap="${BOOTSTRAP:-127.0.0.1:9092}"
rate="${RATE:-2000}" secs="${SECS:-60}" keys="${KEYS:-500}" count="${COUNT:-200000}"
run_id="$(date +%s)"
work="$(mktemp -d)"
app_pid=""
trap '[[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null; rm -rf "$work"' EXIT

start_app() { # topic prefix
  local p="$1"
  java -jar "$app" run --bootstrap-servers "$bootstrap" --set application.id="$p-app" \
    --set state.dir="$work/state-$p" --set http.port=0 --set topic.observations="$p-obs" \
    --set topic.forecasts="$p-fc" --set topic.dlq="$p-dlq" --set topic.models="$p-models" \
    --set topic.training="$p-samples" >"$work/$p.log" 2>&1 &
  app_pid=$!
}
stop_app() {
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
}

p="lg-fx${run_id}a"
start_app "$p"
until grep -q "streamcast running" "$work/$p.log" 2>/dev/null; do sleep 0.5; done
sleep 5
echo "## bench --compare-baseline rate $rate/s for ${secs}s, $keys keys, exactly_once_v2 (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
java -jar "$gen" bench -b "$bootstrap" --compare-baseline --processing-guarantee exactly_once_v2 --rate "$rate" \
  --duration "${secs}s" --keys "$keys" --warmup 10s --topic "$p-obs" --forecasts-topic "$p-fc" --dlq-topic "$p-dlq" \
  --gap-fraction 0.01 --fault-fraction 0.01 --quiet 2>"$work/bench-a.err" | tail -n 1
stop_app

p="lg-fx${run_id}b"
echo "## bench --mode max, $count records, 1000 keys, forecaster started after pre-producing (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
java -jar "$gen" bench -b "$bootstrap" --mode max --count "$count" --keys 1000 --warmup 2s --tail-timeout 60s \
  --topic "$p-obs" --forecasts-topic "$p-fc" --dlq-topic "$p-dlq" --progress-interval 5s \
  >"$work/bench-b.json" 2>"$work/bench-b.err" &
bench_pid=$!
until grep -q "start the app under test now" "$work/bench-b.err" 2>/dev/null; do
  kill -0 "$bench_pid" 2>/dev/null || { cat "$work/bench-b.err" >&2; exit 1; }
  sleep 0.5
done
start_app "$p"
wait "$bench_pid" || true
tail -n 1 "$work/bench-b.json"
stop_app
