package dev.streamcast.model.internal;

import java.util.Arrays;

/**
 * Keras GRU, gate order z, r, h. resetAfter=true (Keras default): bias [2][3U] (input row, recurrent row) and
 * the reset gate multiplies (h.R_h + br_h). resetAfter=false: bias [3U] and the reset gate multiplies h before R_h.
 * Cached per step: z, r, hh (and h.R_h + br_h when resetAfter).
 */
public final class GruLayer extends RecurrentLayer {
    public final boolean resetAfter;
    private double[][] dahAll;     // resetAfter: gradient of the recurrent pre-activations, [B][3U]
    private double[] rhAll;        // !resetAfter: r*h per sample, [B*U]
    private final double[] drh;
    private final double[] gbr;    // resetAfter: recurrent-bias gradient (row 1 of the bias)

    public GruLayer(String name, int inputSize, int units, Activation activation, Activation recurrentActivation,
                    boolean resetAfter, boolean returnSequences, WeightVersion version) {
        super(name, inputSize, units, 3, activation, recurrentActivation, returnSequences,
                resetAfter ? new int[] {2, 3 * units} : new int[] {3 * units}, version);
        this.resetAfter = resetAfter;
        this.drh = new double[units];
        this.gbr = new double[3 * units];
    }

    @Override
    protected int cacheWidth() {
        return resetAfter ? 4 * units : 3 * units;
    }

    @Override
    protected void row(CellWeights cw, CellScratch s, double[] x, int xOff, double[] hPrev, int hOff,
                       double[] cPrev, int cOff, double[] hOut, int hOutOff, double[] cOut, int cOutOff,
                       double[] g, int gOff) {
        int u = units;
        int gu = 3 * u;
        double[] ax = s.a;
        Vec.biasPlusInput(cw.bias, x, xOff, inputSize, cw.k, ax, gu);
        if (resetAfter) {
            double[] ah = s.b;
            System.arraycopy(cw.bias, gu, ah, 0, gu);
            Vec.gemvRows(hPrev, hOff, 1, u, cw.r, 0, ah, 0, gu);
            for (int j = 0; j < 2 * u; j++) {
                g[gOff + j] = ax[j] + ah[j];
            }
            recurrentActivation.applyInPlace(g, gOff, 2 * u);
            for (int j = 0; j < u; j++) {
                double hr = ah[2 * u + j];
                g[gOff + 3 * u + j] = hr;
                g[gOff + 2 * u + j] = ax[2 * u + j] + g[gOff + u + j] * hr;
            }
        } else {
            Vec.gemvRows(hPrev, hOff, 1, u, cw.r, 0, ax, 0, 2 * u);
            System.arraycopy(ax, 0, g, gOff, 2 * u);
            recurrentActivation.applyInPlace(g, gOff, 2 * u);
            double[] rh = s.b;
            for (int i = 0; i < u; i++) {
                rh[i] = g[gOff + u + i] * hPrev[hOff + i];
            }
            Vec.gemvRows(rh, 0, 1, u, cw.r, 0, ax, 2 * u, gu);
            System.arraycopy(ax, 2 * u, g, gOff + 2 * u, u);
        }
        activation.applyInPlace(g, gOff + 2 * u, u);
        for (int j = 0; j < u; j++) {
            double z = g[gOff + j];
            hOut[hOutOff + j] = z * hPrev[hOff + j] + (1.0 - z) * g[gOff + 2 * u + j];
        }
    }

    @Override
    public void backward(double[] in, int inBase, double[] dOut, boolean outSeq, double[] dIn) {
        prepareBackward();
        int u = units;
        int gu = 3 * u;
        int b = B;
        int cw = cacheWidth();
        if (dahAll == null || dahAll.length < b) {
            dahAll = new double[b][gu];
            rhAll = new double[b * u];
        }
        Arrays.fill(gbr, 0.0);
        double[] gb = bias.grad;
        for (int t = T - 1; t >= 0; t--) {
            for (int s = 0; s < b; s++) {
                double[] dh = dhNext[s];
                double[] da = daAll[s];
                double[] dhp = dhpAll[s];
                addUpstream(dOut, outSeq, t, s, dh);
                int h = (t * b + s) * u;
                int c = (t * b + s) * cw;
                for (int j = 0; j < u; j++) {
                    double d = dh[j];
                    double z = cache[c + j];
                    double hh = cache[c + 2 * u + j];
                    da[j] = d * (hs[h + j] - hh);
                    da[2 * u + j] = d * (1.0 - z);
                    dhp[j] = d * z;
                }
                activation.multiplyDeriv(da, 2 * u, cache, c + 2 * u, u);
                if (resetAfter) {
                    double[] dah = dahAll[s];
                    for (int j = 0; j < u; j++) {
                        double dc = da[2 * u + j];
                        da[u + j] = dc * cache[c + 3 * u + j];
                        dah[2 * u + j] = dc * cache[c + u + j];
                    }
                    recurrentActivation.multiplyDeriv(da, 0, cache, c, 2 * u);
                    System.arraycopy(da, 0, dah, 0, 2 * u);
                    Vec.addRange(da, gb, 0, gu);
                    Vec.addRange(dah, gbr, 0, gu);
                } else {
                    Arrays.fill(drh, 0.0);
                    Vec.gemvRows(da, 2 * u, 1, u, rt, 2 * u, drh, 0, u);
                    for (int i = 0; i < u; i++) {
                        double ri = cache[c + u + i];
                        double hi = hs[h + i];
                        rhAll[s * u + i] = ri * hi;
                        da[u + i] = drh[i] * hi;
                        dhp[i] += drh[i] * ri;
                    }
                    recurrentActivation.multiplyDeriv(da, 0, cache, c, 2 * u);
                    Vec.addRange(da, gb, 0, gu);
                }
            }
            if (t == 0) {
                // h_0 = 0 (and so r*h_0 = 0) contributes nothing to the recurrent kernel gradient
                inputGrads(in, inBase, t, dIn);
                continue;
            }
            if (resetAfter) {
                outer(hs, t * b * u, u, gr, u, dahAll, 0, gu);
            } else {
                outer(hs, t * b * u, u, gr, u, daAll, 0, 2 * u);
                outer(rhAll, 0, u, gr, u, daAll, 2 * u, gu);
            }
            inputGrads(in, inBase, t, dIn);
            if (t > 0) {
                if (resetAfter) {
                    recurrentGrads(dahAll, gu, dhpAll);
                } else {
                    recurrentGrads(daAll, 2 * u, dhpAll);
                }
                swapDh();
            }
        }
        if (resetAfter) {
            System.arraycopy(gbr, 0, gb, gu, gu);
        }
        finishBackward();
    }
}
