#!/usr/bin/env bash
# Reruns the README's "Forecast accuracy" table.
#
#   scripts/accuracy.sh [DATA_DIR]
#
# Builds stream-app if its jar is missing or older than its sources, then backtests (--test-fraction 0.2, default
# settings, the same topology as `run`) every CSV in DATA_DIR (default: the copy of the shared real series in
# stream-app/src/test/resources/data) and prints a markdown table: per series the forecaster's one-step MAE beside
# each statistical anchor of DATA_DIR/anchors.csv, the ratios, interval coverage and width, geometric means, and the
# multi-step comparison with the seasonal naive forecast. Settings can be overridden as for the app
# (STREAMCAST_* environment variables).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${1:-stream-app/src/test/resources/data}"
JAR=stream-app/target/stream-app.jar
if [ ! -f "$JAR" ] || [ -n "$(find stream-app/src/main -newer "$JAR" -type f | head -1)" ]; then
  echo "building $JAR ..." >&2
  mvn -B -q -DskipTests package >&2
fi
exec java -cp "$JAR" dev.streamcast.app.backtest.AccuracyTable --anchors "$DATA/anchors.csv" "$DATA" 2>/dev/null
