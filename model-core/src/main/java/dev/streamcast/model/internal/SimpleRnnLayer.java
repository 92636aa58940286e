package dev.streamcast.model.internal;

import java.util.Arrays;

/** Keras SimpleRNN: h' = act(x.K + b + h.R). */
public final class SimpleRnnLayer extends RecurrentLayer {

    public SimpleRnnLayer(String name, int inputSize, int units, Activation activation, boolean returnSequences,
                          WeightVersion version) {
        super(name, inputSize, units, 1, activation, null, returnSequences, new int[] {units}, version);
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
        Vec.biasPlusInput(cw.bias, x, xOff, inputSize, cw.k, z, u);
        Vec.gemvRows(hPrev, hOff, 1, u, cw.r, 0, z, 0, u);
        activation.applyInPlace(z, 0, u);
        System.arraycopy(z, 0, hOut, hOutOff, u);
    }

    @Override
    public void backward(double[] in, int inBase, double[] dOut, boolean outSeq, double[] dIn) {
        prepareBackward();
        int u = units;
        int b = B;
        double[] gb = bias.grad;
        for (int t = T - 1; t >= 0; t--) {
            for (int s = 0; s < b; s++) {
                double[] dh = dhNext[s];
                addUpstream(dOut, outSeq, t, s, dh);
                double[] da = daAll[s];
                System.arraycopy(dh, 0, da, 0, u);
                activation.multiplyDeriv(da, 0, hs, ((t + 1) * b + s) * u, u);
                Vec.addRange(da, gb, 0, u);
            }
            if (t > 0) {   // h_0 = 0 contributes nothing to the recurrent kernel gradient
                outer(hs, t * b * u, u, gr, u, daAll, 0, u);
            }
            inputGrads(in, inBase, t, dIn);
            if (t > 0) {
                for (int s = 0; s < b; s++) {
                    Arrays.fill(dhNext[s], 0.0);
                }
                recurrentGrads(daAll, u, dhNext);
            }
        }
        finishBackward();
    }
}
