package dev.streamcast.model.internal;

/**
 * Compute copy of one recurrent layer's weights as row arrays (every row starts at index 0, which lets C2
 * vectorise the matrix-vector loops on JDK 17). Refreshed from the flat Keras-layout Param values whenever the
 * network's weight version changes, so each StepKernel owns one and never races with the trainer's buffers.
 */
public final class CellWeights {
    final double[][] k;      // [F][G*U]
    final double[][] r;      // [U][G*U]
    final double[] bias;     // flat, as the Param (GRU resetAfter: [2*G*U])
    private long version = -1;

    CellWeights(int f, int u, int gu, int biasLen) {
        this.k = new double[f][gu];
        this.r = new double[u][gu];
        this.bias = new double[biasLen];
    }

    void sync(RecurrentLayer l, long v) {
        if (v != version) {
            int gu = l.gates * l.units;
            Vec.toRows(l.kernel.value, l.inputSize, gu, k);
            Vec.toRows(l.recurrentKernel.value, l.units, gu, r);
            System.arraycopy(l.bias.value, 0, bias, 0, bias.length);
            version = v;
        }
    }
}
