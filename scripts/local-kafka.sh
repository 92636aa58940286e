#!/usr/bin/env bash
# A real single-node Apache Kafka broker (KRaft), from the Maven Central jars the build uses. No Docker.
#
#   scripts/local-kafka.sh start    # returns once the broker accepts connections; prints the bootstrap address
#   scripts/local-kafka.sh status   # exit 0 when running
#   scripts/local-kafka.sh stop
#
# KAFKA_PORT (default 9092) and KAFKA_DATA_DIR (default target/kafka-data) choose where it listens and keeps data;
# status and stop act on the broker of that data directory and name any other one this script started.
# Logs: $KAFKA_DATA_DIR/broker.log. Delete the data directory to start from nothing.
# KAFKA_SECURITY=sasl_ssl: the only client listener is SASL_SSL (SCRAM-SHA-512, self-signed TLS certificate made on
# first start); writes $KAFKA_DATA_DIR/client.properties (user streamcast) and admin.properties, and prints where.
# Use a data directory of its own (a plaintext one has no SCRAM users).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${KAFKA_PORT:-9092}"
security="${KAFKA_SECURITY:-plaintext}"
data="${KAFKA_DATA_DIR:-$root/target/kafka-data}"
pidfile="$data/broker.pid"
log="$data/broker.log"
module="$root/kafka-local"

usage() {
  sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

running_pid() {
  [[ -f "$pidfile" ]] || return 1
  local pid
  pid="$(cat "$pidfile")"
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

ensure_built() {
  if [[ ! -f "$module/target/classpath.txt" || ! -d "$module/target/classes" ]]; then
    echo "building the broker classpath (first run only)..." >&2
    mvn -B -q -f "$module/pom.xml" -DskipTests package >&2
  fi
}

start() {
  if pid="$(running_pid)"; then
    echo "already running (pid $pid): 127.0.0.1:$port"
    print_client_config
    return 0
  fi
  ensure_built
  mkdir -p "$data"
  local cp="$module/target/classes:$(cat "$module/target/classpath.txt")"
  KAFKA_PORT="$port" KAFKA_DATA_DIR="$data" KAFKA_SECURITY="$security" nohup java -Xms256m -Xmx1g \
    -cp "$cp" dev.streamcast.kafkalocal.LocalKafkaMain >"$log" 2>&1 &
  echo $! >"$pidfile"
  local waited=0
  until grep -q '^KAFKA READY' "$log" 2>/dev/null; do
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "the broker exited during start; last lines of $log:" >&2
      tail -n 30 "$log" >&2
      others
      rm -f "$pidfile"
      return 1
    fi
    if (( waited >= 120 )); then
      echo "the broker did not become ready within 60 s; see $log" >&2
      return 1
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  echo "127.0.0.1:$port"
  print_client_config
}

# On a secured broker: where the client settings are (their values hold a password and are not printed).
print_client_config() {
  if [[ -f "$data/client.properties" && "$security" == "sasl_ssl" ]]; then
    echo "SASL_SSL: client settings in $data/client.properties (stream-app run --config FILE," \
      "load-generator --client-config FILE); admin settings in $data/admin.properties" >&2
  fi
}

# Brokers this script started for other data directories: "not running" here is not "no broker" (a start here would
# find the port taken), and they are stopped with their own KAFKA_DATA_DIR.
others() {
  local pid dir
  for pid in $(pgrep -f 'dev.streamcast.kafkalocal.LocalKafkaMain' || true); do
    dir="$(tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | sed -n 's/^KAFKA_DATA_DIR=//p')" || true
    [[ "$dir" == "$data" ]] && continue
    echo "another local broker is running: pid $pid, KAFKA_DATA_DIR=${dir:-unknown}" \
      "(stop it with KAFKA_DATA_DIR=${dir:-...} $0 stop)" >&2
  done
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    echo "not running (data in $data)"
    rm -f "$pidfile"
    others
    return 0
  fi
  kill "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; echo "stopped"; return 0; }
    sleep 0.5
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
  echo "stopped (forced after 30 s)"
}

status() {
  local pid
  if pid="$(running_pid)"; then
    echo "running (pid $pid): 127.0.0.1:$port, data in $data"
  else
    echo "not running (data in $data)"
    others
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
