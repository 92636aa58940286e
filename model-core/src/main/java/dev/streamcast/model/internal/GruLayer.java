package dev.streamcast.model.internal;

/**
 * Keras GRU, gate order z, r, h. resetAfter=true (Keras default): bias [2][3U] (input row, recurrent row) and
 * the reset gate multiplies (h.R_h + br_h). resetAfter=false: bias [3U] and the reset gate multiplies h before R_h.
 */
public final class GruLayer extends RecurrentLayer {
    public final boolean resetAfter;
    private double[] da;
    private double[] dah;
    private double[] drh;
    private double[] dhp;

    public GruLayer(String name, int inputSize, int units, Activation activation, Activation recurrentActivation,
                    boolean resetAfter, boolean returnSequences) {
        super(name, inputSize, units, 3, activation, recurrentActivation, returnSequences,
                resetAfter ? new int[] {2, 3 * units} : new int[] {3 * units});
        this.resetAfter = resetAfter;
    }

    @Override
    protected int cacheWidth() {
        return resetAfter ? 4 * units : 3 * units;   // z, r, hh (, h.R_h + br_h)
    }

    @Override
    protected int tmpWidth() {
        return resetAfter ? 6 * units : 4 * units;
    }

    @Override
    protected void row(double[] x, int xOff, double[] hPrev, int hOff, double[] cPrev, int cOff,
                       double[] hOut, int hOutOff, double[] cOut, int cOutOff,
                       double[] g, int gOff, double[] tmp, int tOff) {
        int u = units;
        int gu = 3 * u;
        int f = inputSize;
        double[] k = kernel.value;
        double[] r = recurrentKernel.value;
        double[] bv = bias.value;
        int ax = tOff;
        System.arraycopy(bv, 0, tmp, ax, gu);
        for (int q = 0; q < f; q++) {
            Vec.axpy(x[xOff + q], k, q * gu, tmp, ax, gu);
        }
        if (resetAfter) {
            int ah = tOff + gu;
            System.arraycopy(bv, gu, tmp, ah, gu);
            for (int i = 0; i < u; i++) {
                Vec.axpy(hPrev[hOff + i], r, i * gu, tmp, ah, gu);
            }
            for (int j = 0; j < 2 * u; j++) {
                g[gOff + j] = tmp[ax + j] + tmp[ah + j];
            }
            recurrentActivation.applyInPlace(g, gOff, 2 * u);
            for (int j = 0; j < u; j++) {
                double hr = tmp[ah + 2 * u + j];
                g[gOff + 3 * u + j] = hr;
                g[gOff + 2 * u + j] = tmp[ax + 2 * u + j] + g[gOff + u + j] * hr;
            }
        } else {
            for (int i = 0; i < u; i++) {
                Vec.axpy(hPrev[hOff + i], r, i * gu, tmp, ax, 2 * u);
            }
            System.arraycopy(tmp, ax, g, gOff, 2 * u);
            recurrentActivation.applyInPlace(g, gOff, 2 * u);
            int rh = tOff + gu;
            for (int i = 0; i < u; i++) {
                tmp[rh + i] = g[gOff + u + i] * hPrev[hOff + i];
            }
            for (int i = 0; i < u; i++) {
                Vec.axpy(tmp[rh + i], r, i * gu + 2 * u, tmp, ax + 2 * u, u);
            }
            System.arraycopy(tmp, ax + 2 * u, g, gOff + 2 * u, u);
        }
        activation.applyInPlace(g, gOff + 2 * u, u);
        for (int j = 0; j < u; j++) {
            double z = g[gOff + j];
            hOut[hOutOff + j] = z * hPrev[hOff + j] + (1.0 - z) * g[gOff + 2 * u + j];
        }
    }

    @Override
    public void backward(double[] in, int inBase, double[] dOut, boolean outSeq, double[] dIn) {
        prepareTransposes();
        int u = units;
        int gu = 3 * u;
        int f = inputSize;
        int b = B;
        int cw = cacheWidth();
        da = Vec.ensure(da, gu);
        dah = Vec.ensure(dah, gu);
        drh = Vec.ensure(drh, u);
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
                    double d = dhNext[dh + j];
                    double z = cache[c + j];
                    double hh = cache[c + 2 * u + j];
                    da[j] = d * (hs[h + j] - hh);
                    da[2 * u + j] = d * (1.0 - z);
                    dhp[j] = d * z;
                }
                activation.multiplyDeriv(da, 2 * u, cache, c + 2 * u, u);
                if (resetAfter) {
                    for (int j = 0; j < u; j++) {
                        double dc = da[2 * u + j];
                        da[u + j] = dc * cache[c + 3 * u + j];
                        dah[2 * u + j] = dc * cache[c + u + j];
                    }
                    recurrentActivation.multiplyDeriv(da, 0, cache, c, 2 * u);
                    System.arraycopy(da, 0, dah, 0, 2 * u);
                    Vec.add(da, 0, gb, 0, gu);
                    Vec.add(dah, 0, gb, gu, gu);
                    for (int i = 0; i < u; i++) {
                        Vec.axpy(hs[h + i], dah, 0, gr, i * gu, gu);
                    }
                    if (t > 0) {
                        for (int j = 0; j < gu; j++) {
                            Vec.axpy(dah[j], recurrentT, j * u, dhp, 0, u);
                        }
                    }
                } else {
                    java.util.Arrays.fill(drh, 0, u, 0.0);
                    for (int j = 0; j < u; j++) {
                        Vec.axpy(da[2 * u + j], recurrentT, (2 * u + j) * u, drh, 0, u);
                    }
                    for (int i = 0; i < u; i++) {
                        double ri = cache[c + u + i];
                        double hi = hs[h + i];
                        Vec.axpy(ri * hi, da, 2 * u, gr, i * gu + 2 * u, u);
                        da[u + i] = drh[i] * hi;
                        dhp[i] += drh[i] * ri;
                    }
                    recurrentActivation.multiplyDeriv(da, 0, cache, c, 2 * u);
                    Vec.add(da, 0, gb, 0, gu);
                    for (int i = 0; i < u; i++) {
                        Vec.axpy(hs[h + i], da, 0, gr, i * gu, 2 * u);
                    }
                    if (t > 0) {
                        for (int j = 0; j < 2 * u; j++) {
                            Vec.axpy(da[j], recurrentT, j * u, dhp, 0, u);
                        }
                    }
                }
                inputGrads(in, inBase + (t * b + s) * f, da, 0, dIn, (t * b + s) * f);
                System.arraycopy(dhp, 0, dhNext, dh, u);
            }
        }
    }
}
