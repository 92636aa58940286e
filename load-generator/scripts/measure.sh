#!/usr/bin/env bash
# Re-runs the figures quoted in load-generator/README.md against a broker at $BOOTSTRAP (default 127.0.0.1:9092,
# e.g. from scripts/local-kafka.sh start). Prints the load average before each run: the figures depend on what else
# the machine is doing. Uses its own topics (lg-*), so it does not feed a forecaster reading `observations`.
#
#   mvn -B -q -DskipTests -f load-generator/pom.xml package && load-generator/scripts/measure.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=load-generator/target/load-generator.jar
bootstrap="${BOOTSTRAP:-127.0.0.1:9092}"
run() {
  echo "## $* (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  java -jar "$jar" "$@" -b "$bootstrap" --quiet 2>/dev/null | tail -n 1
}

for i in 1 2 3; do
  run produce --topic lg-gen --rate 0 --count 3000000 --keys 10000
done
for pg in at_least_once exactly_once_v2; do
  run bench --baseline --processing-guarantee "$pg" --mode max --count 500000 --keys 1000 --warmup 2s \
    --topic lg-max-obs --forecasts-topic lg-max-fc --dlq-topic lg-max-dlq
  run bench --baseline --processing-guarantee "$pg" --mode rate --rate 10000 --count 300000 --keys 1000 --warmup 5s \
    --topic lg-rate-obs --forecasts-topic lg-rate-fc --dlq-topic lg-rate-dlq
done
