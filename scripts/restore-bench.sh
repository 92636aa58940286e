#!/usr/bin/env bash
# State-restore benchmark (not a test): how long until a forecaster serves again after losing its local state
# directory, with 100,000 series in the state stores, with and without a standby replica.
#
#   scripts/restore-bench.sh                 # KEYS=100000 POINTS=1; prints a table, writes target/restore-bench/
#   KEYS=20000 scripts/restore-bench.sh      # smaller
#
# Scenarios, each on its own application id and topics, against a broker started by scripts/local-kafka.sh:
#   1. one instance, clean stop, state directory deleted, restart: full restore of every store from the changelog
#      (and, for comparison, the same restart with the state directory intact)
#   2. two instances, num.standby.replicas=1: SIGKILL one and delete its state; the survivor takes over
#   3. two instances, no standby: SIGKILL one and delete its state; the survivor restores from the changelog
# "serving" = every probe series (100, spread over all partitions) has its next forecast committed; the clock starts
# at the kill or restart. Failover scenarios include the group's session timeout (session.timeout.ms=6000).
# Needs the jar: mvn -B -DskipTests package (or the build commands of the README).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

KEYS="${KEYS:-100000}"
POINTS="${POINTS:-1}"
PROBES="${PROBES:-100}"
port="${KAFKA_PORT:-19392}"
work="${BENCH_DIR:-$root/target/restore-bench}"
jar="$root/stream-app/target/stream-app.jar"
[[ -f "$jar" ]] || { echo "missing $jar: run mvn -B -DskipTests package first" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work/classes"
export KAFKA_PORT="$port" KAFKA_DATA_DIR="$work/kafka"
bootstrap="127.0.0.1:$port"
pids=()

cleanup() {
  for p in "${pids[@]:-}"; do [[ -n "$p" ]] && kill -9 "$p" 2>/dev/null || true; done
  scripts/local-kafka.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

cat >"$work/RestoreBench.java" <<'JAVA'
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.*;
import java.time.Duration;
import java.util.*;

/** Produces the benchmark's series, waits for forecasts, and times probes. */
public class RestoreBench {
    static final long T0 = 1_700_000_000_000L;

    public static void main(String[] a) throws Exception {
        String bootstrap = a[1];
        switch (a[0]) {
            case "produce" -> produce(bootstrap, a[2], Integer.parseInt(a[3]), Integer.parseInt(a[4]));
            case "await" -> await(bootstrap, a[2], Long.parseLong(a[3]), Integer.parseInt(a[4]));
            case "probe" -> probe(bootstrap, a[2], a[3], Integer.parseInt(a[4]), Integer.parseInt(a[5]),
                    Integer.parseInt(a[6]), Long.parseLong(a[7]));
            default -> throw new IllegalArgumentException(a[0]);
        }
    }

    static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", 20,
                "batch.size", 262144), new StringSerializer(), new StringSerializer());
    }

    static KafkaConsumer<String, String> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "isolation.level", "read_committed",
                "enable.auto.commit", "false", "max.poll.records", 10000), new StringDeserializer(),
                new StringDeserializer());
    }

    static String key(int k) {
        return String.format("k-%06d", k);
    }

    static void produce(String bootstrap, String topic, int keys, int points) {
        try (KafkaProducer<String, String> p = producer(bootstrap)) {
            for (int t = 0; t < points; t++) {
                for (int k = 0; k < keys; k++) {
                    p.send(new ProducerRecord<>(topic, key(k), "{\"ts\":" + (T0 + t * 60_000L) + ",\"value\":"
                            + Math.sin(k + t * 0.7) * 10 + "}"));
                }
            }
        }
    }

    static List<TopicPartition> partitions(KafkaConsumer<String, String> c, String topic) {
        return c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    static void await(String bootstrap, String topic, long n, int timeoutS) {
        long start = System.nanoTime();
        try (KafkaConsumer<String, String> c = consumer(bootstrap)) {
            List<TopicPartition> parts = partitions(c, topic);
            c.assign(parts);
            c.seekToBeginning(parts);
            long got = 0;
            while (got < n) {
                if (System.nanoTime() - start > timeoutS * 1_000_000_000L) {
                    System.out.println("timeout: " + got + " of " + n);
                    System.exit(1);
                }
                got += c.poll(Duration.ofMillis(500)).count();
            }
            System.out.printf(Locale.ROOT, "%d forecasts after %.1f s%n", got, (System.nanoTime() - start) / 1e9);
        }
    }

    /** Sends the next point of `probes` series spread over all keys; prints seconds from t0Millis until all are forecast. */
    static void probe(String bootstrap, String obs, String fc, int keys, int probes, int tsIndex, long t0Millis) {
        try (KafkaConsumer<String, String> c = consumer(bootstrap); KafkaProducer<String, String> p = producer(bootstrap)) {
            List<TopicPartition> parts = partitions(c, fc);
            c.assign(parts);
            c.seekToEnd(parts);
            parts.forEach(c::position);
            Set<String> waiting = new HashSet<>();
            for (int i = 0; i < probes; i++) {
                String k = key((int) ((long) i * keys / probes));
                waiting.add(k);
                p.send(new ProducerRecord<>(obs, k, "{\"ts\":" + (T0 + tsIndex * 60_000L) + ",\"value\":1.5}"));
            }
            p.flush();
            while (!waiting.isEmpty()) {
                if (System.currentTimeMillis() - t0Millis > 600_000) {
                    System.out.println("timeout: " + waiting.size() + " probes unanswered");
                    System.exit(1);
                }
                c.poll(Duration.ofMillis(100)).forEach(r -> waiting.remove(r.key()));
            }
            System.out.printf(Locale.ROOT, "%.2f%n", (System.currentTimeMillis() - t0Millis) / 1000.0);
        }
    }
}
JAVA
javac -nowarn -cp "$jar" -d "$work/classes" "$work/RestoreBench.java"
helper() { java -Xmx512m -cp "$jar:$work/classes" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn RestoreBench "$@"; }
now_ms() { date +%s%3N; }

scripts/local-kafka.sh start

# start_instance NAME APP STANDBYS: a forecaster JVM with its own state dir and HTTP port, log in $work/NAME.log
start_instance() {
  local name="$1" app="$2" standby="$3" http
  http=$(( 20000 + RANDOM % 20000 ))
  java -Xmx1g -Dorg.slf4j.simpleLogger.log.org.apache.kafka.streams.processor.internals.StoreChangelogReader=info \
    -jar "$jar" run --bootstrap-servers "$bootstrap" \
    --set application.id="$app" --set state.dir="$work/$name-state" --set http.port="$http" \
    --set num.standby.replicas="$standby" --set retrain.enabled=false \
    --set topic.observations="$app-obs" --set topic.forecasts="$app-fc" --set topic.dlq="$app-dlq" \
    --set topic.models="$app-models" --set topic.training="$app-samples" \
    --set session.timeout.ms=6000 --set heartbeat.interval.ms=1500 >>"$work/$name.log" 2>&1 &
  echo $! >"$work/$name.pid"
  pids+=("$!")
}
pid_of() { cat "$work/$1.pid"; }
# wait_ready NAME: until the instance has ensured its topics and started (its "streamcast running" line)
wait_ready() {
  local i=0
  until grep -q '^streamcast running' "$work/$1.log" 2>/dev/null; do
    sleep 0.2; i=$((i + 1))
    (( i < 600 )) || { echo "$1 did not start; see $work/$1.log" >&2; exit 1; }
  done
}
# restored NAME FROM_LINE: records restored according to the log lines after FROM_LINE
restored() {
  tail -n +"$2" "$work/$1.log" | grep -o 'total number of [0-9]* records' | awk '{s+=$4} END {print s+0}'
}
lines() { wc -l <"$work/$1.log" 2>/dev/null || echo 0; }
load() { # APP: fill the stores with KEYS series x POINTS points and wait until all are forecast
  helper produce "$bootstrap" "$1-obs" "$KEYS" "$POINTS"
  helper await "$bootstrap" "$1-fc" $(( KEYS * POINTS )) 900
}

results=()
record() { results+=("$(printf '%-62s %8s s   %s' "$1" "$2" "$3")"); echo ">>> $1: $2 s ($3)"; }
ts_index=$(( POINTS ))

# --- 1. one instance: lose the state directory, restart ------------------------------------------------------
app=rb-single
start_instance a1 "$app" 0
wait_ready a1
load "$app"
kill -TERM "$(pid_of a1)"; wait "$(pid_of a1)" 2>/dev/null || true
state_mb=$(du -sm "$work/a1-state" | cut -f1)
rm -rf "$work/a1-state"
from=$(( $(lines a1) + 1 )); t0=$(now_ms)
start_instance a1 "$app" 0
secs=$(helper probe "$bootstrap" "$app-obs" "$app-fc" "$KEYS" "$PROBES" "$ts_index" "$t0"); ts_index=$((ts_index + 1))
record "1 instance, state dir lost, restart -> serving" "$secs" "restored $(restored a1 "$from") changelog records; state was ${state_mb} MB"
kill -TERM "$(pid_of a1)"; wait "$(pid_of a1)" 2>/dev/null || true
from=$(( $(lines a1) + 1 )); t0=$(now_ms)
start_instance a1 "$app" 0
secs=$(helper probe "$bootstrap" "$app-obs" "$app-fc" "$KEYS" "$PROBES" "$ts_index" "$t0"); ts_index=$((ts_index + 1))
record "1 instance, state dir intact, restart -> serving (baseline)" "$secs" "restored $(restored a1 "$from") records"
kill -TERM "$(pid_of a1)"; wait "$(pid_of a1)" 2>/dev/null || true

# --- 2 and 3. two instances, SIGKILL one and lose its state --------------------------------------------------
for standby in 1 0; do
  app="rb-two-standby$standby"
  start_instance "b$standby" "$app" "$standby"
  start_instance "c$standby" "$app" "$standby"
  wait_ready "b$standby"; wait_ready "c$standby"
  load "$app"
  sleep 10 # standbys catch up with the changelog
  from=$(( $(lines "c$standby") + 1 )); t0=$(now_ms)
  kill -9 "$(pid_of "b$standby")"; rm -rf "$work/b$standby-state"
  secs=$(helper probe "$bootstrap" "$app-obs" "$app-fc" "$KEYS" "$PROBES" "$ts_index" "$t0"); ts_index=$((ts_index + 1))
  record "2 instances, standby=$standby, SIGKILL one + state lost -> serving" "$secs" \
    "survivor restored $(restored "c$standby" "$from") changelog records"
  kill -TERM "$(pid_of "c$standby")"; wait "$(pid_of "c$standby")" 2>/dev/null || true
done

echo
echo "restore-bench: KEYS=$KEYS POINTS=$POINTS PROBES=$PROBES, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
printf '%s\n' "${results[@]}" | tee "$work/results.txt"
