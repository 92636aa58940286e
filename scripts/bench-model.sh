#!/usr/bin/env bash
# Builds model-core, runs its benchmark harness (TASKS.md T1, T2, T2b, T3, T4; one JSON line per figure) and, when
# PyTorch is importable by /usr/bin/python3, the PyTorch reference (torch_bench.py --threads 1) in the same run.
# Usage: scripts/bench-model.sh [--tasks T1,T2,T2b,T3,T4] [--no-torch]
# Output: JSON lines on stdout; also saved to model-core/target/bench/results.jsonl, and a comparison table.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TASKS="T1,T2,T2b,T3,T4"
TORCH=1
while [ $# -gt 0 ]; do
  case "$1" in
    --tasks) TASKS="$2"; shift 2 ;;
    --no-torch) TORCH=0; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
# The PyTorch reference (a copy of the shared bench's, beside its TASKS.md); TORCH_BENCH points elsewhere.
TORCH_BENCH="${TORCH_BENCH:-$ROOT/model-core/src/bench/reference/torch_bench.py}"
OUT="$ROOT/model-core/target/bench"
cd "$ROOT"
mvn -B -q -pl model-core -am install -DskipTests >&2
rm -rf "$OUT/classes" && mkdir -p "$OUT/classes"
javac --release 17 -d "$OUT/classes" -cp model-core/target/classes $(find model-core/src/bench/java -name '*.java')
RES="$OUT/results.jsonl"
: > "$RES"
echo "# model-core (Java $(java -version 2>&1 | head -1))" >&2
java -Xms1g -Xmx2g -XX:+UseParallelGC -cp "model-core/target/classes:$OUT/classes" \
  dev.streamcast.model.bench.ModelBench --tasks "$TASKS" | tee -a "$RES"
if [ "$TORCH" = 1 ] && [ -f "$TORCH_BENCH" ] && /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  echo "# PyTorch reference: /usr/bin/python3 $TORCH_BENCH --threads 1 --tasks $TASKS" >&2
  /usr/bin/python3 "$TORCH_BENCH" --threads 1 --tasks "$TASKS" | tee -a "$RES"
else
  echo "# PyTorch reference skipped (no torch for /usr/bin/python3, --no-torch, or $TORCH_BENCH missing)" >&2
fi
/usr/bin/python3 - "$RES" >&2 <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
java, torch = {}, {}
for r in rows:
    if r.get("task") == "meta":
        continue
    key = (r["task"], r["figure"], r.get("cell"))
    if r.get("impl") == "model-core":
        java[key] = r
    else:
        torch.setdefault(key, {})[r.get("dtype")] = r

def per_cpu(r):
    # the machine is shared: also normalise by CPU actually received. model-core reports its timed thread's CPU
    # time directly (cpu_time_*); for PyTorch divide by the cores the process got (cpu_self_cores).
    if r["figure"] == "train_windows_per_s" and "cpu_time_windows_per_s" in r:
        return r["cpu_time_windows_per_s"]
    if r["figure"] == "infer_windows_per_s" and "cpu_time_windows_per_s" in r:
        return r["cpu_time_windows_per_s"]
    if r["figure"] == "stream_us_per_event_batch1" and "cpu_time_us_per_event" in r:
        return r["cpu_time_us_per_event"]
    if r["figure"] == "stream_events_per_s_batch1" and "cpu_time_us_per_event" in r:
        return 1e6 / r["cpu_time_us_per_event"]
    if r["figure"] == "train_sec_per_epoch" and "cpu_time_windows_per_s" in r:
        return 10000 / r["cpu_time_windows_per_s"]
    c = r.get("cpu_self_cores")
    if not c:
        return None
    return r["value"] * c if r["unit"] in ("s", "us/event") else r["value"] / c

def fmt(v):
    return "-" if v is None else (f"{v:.4g}" if v < 100 else f"{v:.0f}")

def ratio(a, b, unit):
    if not a or not b:
        return "-"
    return f"{(b / a) if unit in ('s', 'us/event') else (a / b):.1f}x"

print("\n| task | figure | cell | model-core float64 | PyTorch float32 | PyTorch float64 | model-core / PyTorch f32 | model-core (thread CPU time) | PyTorch f32 / cpu_self_cores | ratio per CPU-second |")
print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
for key, r in java.items():
    t = torch.get(key, {})
    t32, t64 = t.get("float32"), t.get("float64")
    u = r["unit"]
    print(f"| {key[0]} | {key[1]} | {key[2]} | {r['value']} {u} | {t32['value'] if t32 else '-'} | "
          f"{t64['value'] if t64 else '-'} | {ratio(r['value'], t32 and t32['value'], u)} | "
          f"{fmt(per_cpu(r))} | {fmt(per_cpu(t32) if t32 else None)} | "
          f"{ratio(per_cpu(r), t32 and per_cpu(t32), u)} |")
for key, t in torch.items():
    if key not in java:
        for d, r in t.items():
            print(f"| {key[0]} | {key[1]} | {key[2]} | - | {r['value'] if d == 'float32' else '-'} | "
                  f"{r['value'] if d == 'float64' else '-'} | - | - | - | - |")
PY
