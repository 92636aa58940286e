package dev.streamcast.model.bench;

import dev.streamcast.model.FitOptions;
import dev.streamcast.model.History;
import dev.streamcast.model.LayerSpec;
import dev.streamcast.model.Layers;
import dev.streamcast.model.Loss;
import dev.streamcast.model.Optimizer;
import dev.streamcast.model.Sequential;
import dev.streamcast.model.StepKernel;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reference tasks of model-core/src/bench/reference/TASKS.md (T1, T2, T2b, T3, T4) on model-core, one JSON line per figure
 * with the same fields as torch_bench.py. float64 throughout (the library's only dtype), 1 thread.
 * Usage: ModelBench [--tasks T1,T2,T2b,T3,T4] [--run LABEL]
 */
public final class ModelBench {
    static final long DATA_SEED = 42;
    static final double PERIOD = 50.0;
    static final double NOISE_AMP = 0.1;
    static final int N_WINDOWS = 10_000;
    static final int WINDOW = 24;
    static final int SERIES_LEN = N_WINDOWS + WINDOW;
    static final int HIDDEN = 32;
    static final long INIT_SEED = 1234;
    static final int BATCH = 32;
    static final int EPOCHS = 3;
    static final double LR = 1e-3;
    static final double RHO = 0.9;
    static final double EPS = 1e-7;
    static final long SHUFFLE_SEED = 7;
    static final int STREAM_KEYS = 10_000;
    static final int STREAM_EVENTS = 200_000;
    static final long STREAM_SEED = 99;
    static final int STREAM_WARMUP = 2_000;
    static final int STREAM_REPEATS = 5;
    static final int INFER_BATCH = 256;
    static final int INFER_REPEATS = 20;

    private static String run = "run1";

    public static void main(String[] args) {
        List<String> tasks = List.of("T1", "T2", "T2b", "T3", "T4");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--tasks")) {
                tasks = Arrays.asList(args[++i].split(","));
            } else if (args[i].equals("--run")) {
                run = args[++i];
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        double[] series = series();
        Map<String, Object> check = new LinkedHashMap<>();
        double sum = 0;
        for (double v : series) {
            sum += v;
        }
        check.put("series_sum_f32", sum);
        check.put("x0_3", List.of((float) series[0], (float) series[1], (float) series[2]));
        emit("meta", "data_check", null, null, null, check);
        double[][][] x = new double[N_WINDOWS][WINDOW][1];
        double[][] y = new double[N_WINDOWS][1];
        for (int i = 0; i < N_WINDOWS; i++) {
            for (int t = 0; t < WINDOW; t++) {
                x[i][t][0] = series[i + t];
            }
            y[i][0] = series[i + WINDOW];
        }
        if (tasks.contains("T1")) {
            train("T1", "rnn", x, y);
        }
        if (tasks.contains("T2")) {
            train("T2", "gru", x, y);
        }
        if (tasks.contains("T2b")) {
            train("T2b", "lstm", x, y);
        }
        if (tasks.contains("T3")) {
            stream();
        }
        if (tasks.contains("T4")) {
            for (String c : List.of("rnn", "gru", "lstm")) {
                infer(c, x);
            }
        }
    }

    /** The task's series: computed in float64, stored as float32, widened back (float64 runs). */
    static double[] series() {
        SplitMix64 r = new SplitMix64(DATA_SEED);
        double[] s = new double[SERIES_LEN];
        for (int t = 0; t < SERIES_LEN; t++) {
            s[t] = (float) (Math.sin(2.0 * Math.PI * t / PERIOD) + NOISE_AMP * (2.0 * r.uniform() - 1.0));
        }
        return s;
    }

    static Sequential model(String cell) {
        LayerSpec rnn = cell.equals("rnn") ? Layers.simpleRnn(HIDDEN) : cell.equals("gru") ? Layers.gru(HIDDEN)
                : Layers.lstm(HIDDEN);
        return Sequential.builder(1).add(rnn).add(Layers.dense(1)).seed(INIT_SEED).build();
    }

    // ------------------------------------------------------------ T1 / T2 / T2b
    static void train(String task, String cell, double[][][] x, double[][] y) {
        Sequential m = model(cell);
        m.compile(Optimizer.byName("rmsprop", Map.of("learning_rate", LR, "rho", RHO, "epsilon", EPS)), Loss.MSE);
        // fit's shuffle is exactly the task's: one SplitMix64(7) stream, identity + Fisher-Yates per epoch
        List<Double> secs = new ArrayList<>();
        List<Double> cpuSecs = new ArrayList<>();
        long[] last = {System.nanoTime(), threadCpu()};
        Cpu cpu = new Cpu();
        History h = m.fit(x, y, FitOptions.builder().epochs(EPOCHS).batchSize(BATCH).shuffle(true).seed(SHUFFLE_SEED)
                .listener((e, l, v) -> {
                    long now = System.nanoTime();
                    long cpuNow = threadCpu();
                    secs.add((now - last[0]) / 1e9);
                    cpuSecs.add((cpuNow - last[1]) / 1e9);
                    last[0] = now;
                    last[1] = cpuNow;
                }).build());
        double sec = median(secs.subList(1, secs.size()));
        Map<String, Object> extra = cpu.contention();
        extra.put("epoch_secs", round(secs, 4));
        // the machine is shared: the same figure from this thread's CPU time (immune to time-slicing)
        double cpuSec = median(cpuSecs.subList(1, cpuSecs.size()));
        extra.put("epoch_thread_cpu_secs", round(cpuSecs, 4));
        extra.put("cpu_time_windows_per_s", round(N_WINDOWS / cpuSec, 1));
        extra.put("epoch_mse", round(h.loss(), 6));
        emit(task, "train_sec_per_epoch", round(sec, 4), "s", cell, extra);
        emit(task, "train_windows_per_s", round(N_WINDOWS / sec, 1), "windows/s", cell, extra);
    }

    // ------------------------------------------------------------ T3
    static void stream() {
        int total = STREAM_WARMUP + STREAM_EVENTS;
        int[] keys = new int[total];
        double[] vals = new double[total];
        SplitMix64 r = new SplitMix64(STREAM_SEED);
        for (int e = 0; e < total; e++) {
            keys[e] = r.below(STREAM_KEYS);
            vals[e] = 2.0 * r.uniform() - 1.0;
        }
        Sequential m = Sequential.builder(1).add(Layers.simpleRnn(HIDDEN)).add(Layers.dense(1)).seed(INIT_SEED)
                .build();
        StepKernel k = m.stepKernel();
        int ss = k.stateSize();
        double[] out = new double[1];
        // JVM warm-up (not part of the task): the JIT compiles the step on a throwaway table first
        double[] scratchTable = new double[STREAM_KEYS * ss];
        for (int rep = 0; rep < 3; rep++) {
            for (int e = 0; e < total; e++) {
                k.step(scratchTable, keys[e] * ss, vals, e, out, 0);
            }
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        List<Double> runs = new ArrayList<>();
        List<Double> cpuRuns = new ArrayList<>();
        long allocated = 0;
        double sink = 0;
        Cpu cpu = new Cpu();
        for (int rep = 0; rep < STREAM_REPEATS; rep++) {
            double[] table = new double[STREAM_KEYS * ss];   // [10000][32], zero
            for (int e = 0; e < STREAM_WARMUP; e++) {
                k.step(table, keys[e] * ss, vals, e, out, 0);
            }
            long c0 = threadCpu();
            long t0 = System.nanoTime();
            long a0 = mx.getThreadAllocatedBytes(tid);
            for (int e = STREAM_WARMUP; e < total; e++) {
                k.step(table, keys[e] * ss, vals, e, out, 0);   // gather/update the key's row in place + Dense
                sink += out[0];
            }
            long a1 = mx.getThreadAllocatedBytes(tid);
            long t1 = System.nanoTime();
            long c1 = threadCpu();
            allocated += a1 - a0;
            cpuRuns.add((c1 - c0) / 1e9);
            runs.add((t1 - t0) / 1e9);
        }
        double dt = median(runs);
        Map<String, Object> extra = cpu.contention();
        extra.put("events", STREAM_EVENTS);
        extra.put("keys", STREAM_KEYS);
        extra.put("repeats_secs", round(runs, 5));
        extra.put("cpu_time_us_per_event", round(median(cpuRuns) * 1e6 / STREAM_EVENTS, 4));
        extra.put("alloc_bytes_per_event", (double) allocated / (STREAM_REPEATS * (double) STREAM_EVENTS));
        extra.put("checksum", sink);
        emit("T3", "stream_events_per_s_batch1", round(STREAM_EVENTS / dt, 1), "events/s", "rnn_cell", extra);
        emit("T3", "stream_us_per_event_batch1", round(dt * 1e6 / STREAM_EVENTS, 4), "us/event", "rnn_cell", extra);
    }

    // ------------------------------------------------------------ T4
    static void infer(String cell, double[][][] x) {
        Sequential m = model(cell);
        List<double[][][]> chunks = new ArrayList<>();
        for (int b = 0; b < N_WINDOWS; b += INFER_BATCH) {
            chunks.add(Arrays.copyOfRange(x, b, Math.min(N_WINDOWS, b + INFER_BATCH)));
        }
        List<Double> times = new ArrayList<>();
        List<Double> cpuTimes = new ArrayList<>();
        double sink = 0;
        Cpu cpu = new Cpu();
        for (int rep = 0; rep <= INFER_REPEATS; rep++) {
            long c0 = threadCpu();
            long t0 = System.nanoTime();
            for (double[][][] c : chunks) {
                sink += m.predict(c)[0][0];
            }
            if (rep > 0) {
                times.add((System.nanoTime() - t0) / 1e9);
                cpuTimes.add((threadCpu() - c0) / 1e9);
            }
        }
        Map<String, Object> extra = cpu.contention();
        extra.put("pass_secs", round(times, 4));
        extra.put("cpu_time_windows_per_s", round(N_WINDOWS / median(cpuTimes), 1));
        extra.put("checksum", sink);
        emit("T4", "infer_windows_per_s", round(N_WINDOWS / median(times), 1), "windows/s", cell, extra);
    }

    // ------------------------------------------------------------ helpers
    static long threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = a.length;
        return n % 2 == 1 ? a[n / 2] : 0.5 * (a[n / 2 - 1] + a[n / 2]);
    }

    static double round(double v, int digits) {
        double s = Math.pow(10, digits);
        return Math.round(v * s) / s;
    }

    static List<Double> round(List<Double> v, int digits) {
        List<Double> r = new ArrayList<>();
        for (double d : v) {
            r.add(round(d, digits));
        }
        return r;
    }

    static void emit(String task, String figure, Object value, String unit, String cell, Map<String, Object> extra) {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("run", run);
        rec.put("impl", "model-core");
        rec.put("java", System.getProperty("java.version"));
        rec.put("threads", 1);
        rec.put("task", task);
        rec.put("figure", figure);
        rec.put("value", value);
        if (unit != null) {
            rec.put("unit", unit);
        }
        if (cell != null) {
            rec.put("cell", cell);
            rec.put("dtype", "float64");
        }
        rec.putAll(extra);
        rec.put("loadavg_1m", round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2));
        System.out.println(Json.write(rec));
    }
}
