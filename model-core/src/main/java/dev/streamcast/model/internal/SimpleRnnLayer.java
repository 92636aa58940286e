package dev.streamcast.model.internal;

import java.util.Arrays;

/** Keras SimpleRNN: h' = act(x.K + b + h.R). */
public final class SimpleRnnLayer extends RecurrentLayer {
    private final double[] da;

    public SimpleRnnLayer(String name, int inputSize, int units, Activation activation, boolean returnSequences,
                          WeightVersion version) {
        super(name, inputSize, units, 1, activation, null, returnSequences, new int[] {units}, version);
        this.da = new double[units];
    }

    @Override
    protected int cacheWidth() {
        return 0;
    }

    @Override
    protected void row(CellWeights cw, CellScratch s, double[] x, int xOff, double[] hPrev, int hOff,
                       double[] cPrev, int cOff, double[] hOut, int hOutOff, double[] cOut, int cOutOff,
                       double[] g, int gOff) {
        int u = units;
        double[] z = s.a;
        System.arraycopy(cw.bias, 0, z, 0, u);
        for (int q = 0; q < inputSize; q++) {
            Vec.axpyRange(x[xOff + q], cw.k[q], z, 0, u);
        }
        for (int i = 0; i < u; i++) {
            Vec.axpyRange(hPrev[hOff + i], cw.r[i], z, 0, u);
        }
        activation.applyInPlace(z, 0, u);
        System.arraycopy(z, 0, hOut, hOutOff, u);
    }

    @Override
    public void backward(double[] in, int inBase, double[] dOut, boolean outSeq, double[] dIn) {
        prepareBackward();
        int u = units;
        int f = inputSize;
        int b = B;
        double[] gb = bias.grad;
        for (int t = T - 1; t >= 0; t--) {
            for (int s = 0; s < b; s++) {
                double[] dh = dhNext[s];
                addUpstream(dOut, outSeq, t, s, dh);
                int hNew = ((t + 1) * b + s) * u;
                int hOld = (t * b + s) * u;
                System.arraycopy(dh, 0, da, 0, u);
                activation.multiplyDeriv(da, 0, hs, hNew, u);
                Vec.addRange(da, gb, 0, u);
                for (int i = 0; i < u; i++) {
                    Vec.axpyRange(hs[hOld + i], da, gr[i], 0, u);
                }
                inputGrads(in, inBase + (t * b + s) * f, da, dIn, (t * b + s) * f);
                Arrays.fill(dhp, 0.0);
                if (t > 0) {
                    recurrentGrads(da, 0, u);
                }
                System.arraycopy(dhp, 0, dh, 0, u);
            }
        }
        finishBackward();
    }
}
