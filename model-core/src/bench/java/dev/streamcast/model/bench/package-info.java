/** Benchmark harness for TASKS.md (T1-T4); compiled and run only by scripts/bench-model.sh, never by Maven. */
package dev.streamcast.model.bench;
