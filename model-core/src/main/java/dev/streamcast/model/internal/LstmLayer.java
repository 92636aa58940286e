package dev.streamcast.model.internal;

/** Keras LSTM, gate order i, f, c(g), o; state per key is [h | c]. */
public final class LstmLayer extends RecurrentLayer {
    private double[] cs;
    private double[] dcNext;
    private double[] da;
    private double[] dtc;
    private double[] dhp;

    public LstmLayer(String name, int inputSize, int units, Activation activation, Activation recurrentActivation,
                     boolean returnSequences) {
        super(name, inputSize, units, 4, activation, recurrentActivation, returnSequences, new int[] {4 * units});
    }

    @Override
    public int stateSize() {
        return 2 * units;
    }

    @Override
    protected int cacheWidth() {
        return 5 * units;   // i, f, g, o, act(c')
    }

    @Override
    protected int tmpWidth() {
        return 0;
    }

    @Override
    public double[] cellStates() {
        return cs;
    }

    @Override
    protected void ensureWorkspace(int t, int b) {
        super.ensureWorkspace(t, b);
        cs = Vec.ensure(cs, (t + 1) * b * units);
        java.util.Arrays.fill(cs, 0, b * units, 0.0);
    }

    @Override
    protected void row(double[] x, int xOff, double[] hPrev, int hOff, double[] cPrev, int cOff,
                       double[] hOut, int hOutOff, double[] cOut, int cOutOff,
                       double[] g, int gOff, double[] tmp, int tOff) {
        int u = units;
        int gu = 4 * u;
        int f = inputSize;
        double[] k = kernel.value;
        double[] r = recurrentKernel.value;
        System.arraycopy(bias.value, 0, g, gOff, gu);
        for (int q = 0; q < f; q++) {
            Vec.axpy(x[xOff + q], k, q * gu, g, gOff, gu);
        }
        for (int i = 0; i < u; i++) {
            Vec.axpy(hPrev[hOff + i], r, i * gu, g, gOff, gu);
        }
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
        prepareTransposes();
        int u = units;
        int gu = 4 * u;
        int f = inputSize;
        int b = B;
        int cw = cacheWidth();
        dcNext = Vec.ensure(dcNext, b * u);
        java.util.Arrays.fill(dcNext, 0, b * u, 0.0);
        da = Vec.ensure(da, gu);
        dtc = Vec.ensure(dtc, u);
        dhp = Vec.ensure(dhp, u);
        double[] gr = recurrentKernel.grad;
        double[] gb = bias.grad;
        for (int t = T - 1; t >= 0; t--) {
            for (int s = 0; s < b; s++) {
                int dh = s * u;
                addUpstream(dOut, outSeq, t, s, dhNext, dh);
                int h = (t * b + s) * u;
                int c = (t * b + s) * cw;
                for (int j = 0; j < u; j++) {
                    dtc[j] = dhNext[dh + j] * cache[c + 3 * u + j];
                }
                activation.multiplyDeriv(dtc, 0, cache, c + 4 * u, u);
                for (int j = 0; j < u; j++) {
                    double dc = dcNext[dh + j] + dtc[j];
                    da[j] = dc * cache[c + 2 * u + j];
                    da[u + j] = dc * cs[h + j];
                    da[2 * u + j] = dc * cache[c + j];
                    da[3 * u + j] = dhNext[dh + j] * cache[c + 4 * u + j];
                    dcNext[dh + j] = dc * cache[c + u + j];
                }
                recurrentActivation.multiplyDeriv(da, 0, cache, c, 2 * u);
                activation.multiplyDeriv(da, 2 * u, cache, c + 2 * u, u);
                recurrentActivation.multiplyDeriv(da, 3 * u, cache, c + 3 * u, u);
                Vec.add(da, 0, gb, 0, gu);
                for (int i = 0; i < u; i++) {
                    Vec.axpy(hs[h + i], da, 0, gr, i * gu, gu);
                }
                inputGrads(in, inBase + (t * b + s) * f, da, 0, dIn, (t * b + s) * f);
                java.util.Arrays.fill(dhp, 0, u, 0.0);
                if (t > 0) {
                    for (int j = 0; j < gu; j++) {
                        Vec.axpy(da[j], recurrentT, j * u, dhp, 0, u);
                    }
                }
                System.arraycopy(dhp, 0, dhNext, dh, u);
            }
        }
    }
}
