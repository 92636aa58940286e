package dev.streamcast.model;

import dev.streamcast.model.internal.SplitMix64;

/** Small deterministic data sets for the tests. */
final class TestData {
    private TestData() {
    }

    static double[][][] randomX(long seed, int b, int t, int f) {
        SplitMix64 r = new SplitMix64(seed);
        double[][][] x = new double[b][t][f];
        for (double[][] s : x) {
            for (double[] v : s) {
                for (int i = 0; i < f; i++) {
                    v[i] = 2 * r.uniform() - 1;
                }
            }
        }
        return x;
    }

    static double[][] randomY(long seed, int b, int o) {
        SplitMix64 r = new SplitMix64(seed);
        double[][] y = new double[b][o];
        for (double[] v : y) {
            for (int i = 0; i < o; i++) {
                v[i] = 2 * r.uniform() - 1;
            }
        }
        return y;
    }

    static double[][][] randomY3(long seed, int b, int t, int o) {
        SplitMix64 r = new SplitMix64(seed);
        double[][][] y = new double[b][t][o];
        for (double[][] s : y) {
            for (double[] v : s) {
                for (int i = 0; i < o; i++) {
                    v[i] = 2 * r.uniform() - 1;
                }
            }
        }
        return y;
    }

    /** Noisy sine windows: x[i] = series[i..i+w), y[i] = series[i+w]. */
    static double[][][] sineX(int n, int w, long seed) {
        double[] s = sineSeries(n + w, seed);
        double[][][] x = new double[n][w][1];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < w; t++) {
                x[i][t][0] = s[i + t];
            }
        }
        return x;
    }

    static double[][] sineY(int n, int w, long seed) {
        double[] s = sineSeries(n + w, seed);
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            y[i][0] = s[i + w];
        }
        return y;
    }

    static double[] sineSeries(int len, long seed) {
        SplitMix64 r = new SplitMix64(seed);
        double[] s = new double[len];
        for (int t = 0; t < len; t++) {
            s[t] = Math.sin(2 * Math.PI * t / 50.0) + 0.1 * (2 * r.uniform() - 1);
        }
        return s;
    }

    static Sequential model(String cell, int f, int u, int o, boolean seq, long seed) {
        return Sequential.builder(f).add(rnn(cell, u, seq)).add(Layers.dense(o)).seed(seed).build();
    }

    static LayerSpec rnn(String cell, int u, boolean seq) {
        switch (cell) {
            case "simpleRnn":
                return Layers.simpleRnn(u).returnSequences(seq);
            case "simpleRnnSigmoid":
                return Layers.simpleRnn(u).activation("sigmoid").returnSequences(seq);
            case "gruAfter":
                return Layers.gru(u).resetAfter(true).returnSequences(seq);
            case "gruBefore":
                return Layers.gru(u).resetAfter(false).returnSequences(seq);
            case "lstm":
                return Layers.lstm(u).returnSequences(seq);
            default:
                throw new IllegalArgumentException(cell);
        }
    }
}
