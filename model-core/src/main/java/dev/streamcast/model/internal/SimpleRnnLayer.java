package dev.streamcast.model.internal;

/** Keras SimpleRNN: h' = act(x.K + b + h.R). */
public final class SimpleRnnLayer extends RecurrentLayer {
    private double[] da;

    public SimpleRnnLayer(String name, int inputSize, int units, Activation activation, boolean returnSequences) {
        super(name, inputSize, units, 1, activation, null, returnSequences, new int[] {units});
    }

    @Override
    protected int cacheWidth() {
        return 0;
    }

    @Override
    protected int tmpWidth() {
        return units;
    }

    @Override
    protected void row(double[] x, int xOff, double[] hPrev, int hOff, double[] cPrev, int cOff,
                       double[] hOut, int hOutOff, double[] cOut, int cOutOff,
                       double[] gate, int gOff, double[] tmp, int tOff) {
        int u = units;
        int f = inputSize;
        double[] k = kernel.value;
        double[] r = recurrentKernel.value;
        System.arraycopy(bias.value, 0, tmp, tOff, u);
        for (int q = 0; q < f; q++) {
            Vec.axpy(x[xOff + q], k, q * u, tmp, tOff, u);
        }
        for (int i = 0; i < u; i++) {
            Vec.axpy(hPrev[hOff + i], r, i * u, tmp, tOff, u);
        }
        activation.applyInPlace(tmp, tOff, u);
        System.arraycopy(tmp, tOff, hOut, hOutOff, u);
    }

    @Override
    public void backward(double[] in, int inBase, double[] dOut, boolean outSeq, double[] dIn) {
        prepareTransposes();
        int u = units;
        int f = inputSize;
        int b = B;
        da = Vec.ensure(da, u);
        double[] gr = recurrentKernel.grad;
        double[] gb = bias.grad;
        for (int t = T - 1; t >= 0; t--) {
            for (int s = 0; s < b; s++) {
                int dh = s * u;
                addUpstream(dOut, outSeq, t, s, dhNext, dh);
                int hNew = ((t + 1) * b + s) * u;
                int hOld = (t * b + s) * u;
                System.arraycopy(dhNext, dh, da, 0, u);
                activation.multiplyDeriv(da, 0, hs, hNew, u);
                Vec.add(da, 0, gb, 0, u);
                for (int i = 0; i < u; i++) {
                    Vec.axpy(hs[hOld + i], da, 0, gr, i * u, u);
                }
                inputGrads(in, inBase + (t * b + s) * f, da, 0, dIn, (t * b + s) * f);
                for (int i = 0; i < u; i++) {
                    dhNext[dh + i] = 0.0;
                }
                if (t > 0) {
                    for (int j = 0; j < u; j++) {
                        Vec.axpy(da[j], recurrentT, j * u, dhNext, dh, u);
                    }
                }
            }
        }
    }
}
