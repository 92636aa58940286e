package dev.streamcast.model.internal;

import java.util.Arrays;

/** Keras LSTM, gate order i, f, c(g), o; state per key is [h | c]. Cached per step: i, f, g, o, act(c'). */
public final class LstmLayer extends RecurrentLayer {
    private double[] cs;
    private double[][] dcNext;
    private final double[] dtc;

    public LstmLayer(String name, int inputSize, int units, Activation activation, Activation recurrentActivation,
                     boolean returnSequences, WeightVersion version) {
        super(name, inputSize, units, 4, activation, recurrentActivation, returnSequences, new int[] {4 * units},
                version);
        this.dtc = new double[units];
    }

    @Override
    public int stateSize() {
        return 2 * units;
    }

    @Override
    protected int cacheWidth() {
        return 5 * units;
    }

    @Override
    public double[] cellStates() {
        return cs;
    }

    @Override
    protected void ensureWorkspace(int t, int b) {
        super.ensureWorkspace(t, b);
        cs = Vec.ensure(cs, (t + 1) * b * units);
        Arrays.fill(cs, 0, b * units, 0.0);
    }

    @Override
    protected void row(CellWeights cw, CellScratch s, double[] x, int xOff, double[] hPrev, int hOff,
                       double[] cPrev, int cOff, double[] hOut, int hOutOff, double[] cOut, int cOutOff,
                       double[] g, int gOff) {
        int u = units;
        int gu = 4 * u;
        double[] a = s.a;
        Vec.biasPlusInput(cw.bias, x, xOff, inputSize, cw.k, a, gu);
        Vec.gemvRows(hPrev, hOff, 1, u, cw.r, 0, a, 0, gu);
        System.arraycopy(a, 0, g, gOff, gu);
        recurrentActivation.applyInPlace(g, gOff, 2 * u);
        activation.applyInPlace(g, gOff + 2 * u, u);
        recurrentActivation.applyInPlace(g, gOff + 3 * u, u);
        int tc = gOff + 4 * u;
        for (int j = 0; j < u; j++) {
            double c = g[gOff + u + j] * cPrev[cOff + j] + g[gOff + j] * g[gOff + 2 * u + j];
            cOut[cOutOff + j] = c;
            g[tc + j] = c;
        }
        activation.applyInPlace(g, tc, u);
        for (int j = 0; j < u; j++) {
            hOut[hOutOff + j] = g[gOff + 3 * u + j] * g[tc + j];
        }
    }

    @Override
    public void backward(double[] in, int inBase, double[] dOut, boolean outSeq, double[] dIn) {
        prepareBackward();
        int u = units;
        int gu = 4 * u;
        int b = B;
        int cw = cacheWidth();
        if (dcNext == null || dcNext.length < b) {
            dcNext = new double[b][u];
        }
        for (int i = 0; i < b; i++) {
            Arrays.fill(dcNext[i], 0.0);
        }
        double[] gb = bias.grad;
        for (int t = T - 1; t >= 0; t--) {
            for (int s = 0; s < b; s++) {
                double[] dh = dhNext[s];
                double[] dcn = dcNext[s];
                double[] da = daAll[s];
                addUpstream(dOut, outSeq, t, s, dh);
                int h = (t * b + s) * u;
                int c = (t * b + s) * cw;
                for (int j = 0; j < u; j++) {
                    dtc[j] = dh[j] * cache[c + 3 * u + j];
                }
                activation.multiplyDeriv(dtc, 0, cache, c + 4 * u, u);
                for (int j = 0; j < u; j++) {
                    double dc = dcn[j] + dtc[j];
                    da[j] = dc * cache[c + 2 * u + j];
                    da[u + j] = dc * cs[h + j];
                    da[2 * u + j] = dc * cache[c + j];
                    da[3 * u + j] = dh[j] * cache[c + 4 * u + j];
                    dcn[j] = dc * cache[c + u + j];
                }
                recurrentActivation.multiplyDeriv(da, 0, cache, c, 2 * u);
                activation.multiplyDeriv(da, 2 * u, cache, c + 2 * u, u);
                recurrentActivation.multiplyDeriv(da, 3 * u, cache, c + 3 * u, u);
                Vec.addRange(da, gb, 0, gu);
            }
            if (t > 0) {   // h_0 = 0 contributes nothing to the recurrent kernel gradient
                outer(hs, t * b * u, u, gr, u, daAll, 0, gu);
            }
            inputGrads(in, inBase, t, dIn);
            if (t > 0) {
                for (int s = 0; s < b; s++) {
                    Arrays.fill(dhNext[s], 0.0);
                }
                recurrentGrads(daAll, gu, dhNext);
            }
        }
        finishBackward();
    }
}
