package dev.streamcast.model.internal;

/** Per-row temporaries of a cell step, each starting at index 0 (vectorisable). One per thread/kernel. */
public final class CellScratch {
    final double[] a;     // pre-activations [G*U]
    final double[] b;     // GRU resetAfter: recurrent pre-activations [3U]
    final double[] gate;  // gate values when not caching for BPTT (streaming)

    CellScratch(int gu, int gateWidth) {
        this.a = new double[gu];
        this.b = new double[gu];
        this.gate = new double[Math.max(1, gateWidth)];
    }
}
