package dev.streamcast.app.forecast;

/**
 * The k-th smallest of a float array with a bounded heap of the shorter side: for the interval's upper quantile of
 * 100 errors that is a heap of 10, so almost every element costs one comparison. It replaced a quickselect that took
 * a tenth of the stream thread's samples under load.
 */
final class Select {

    private Select() {
    }

    /**
     * The value of rank {@code k} (0-based) among {@code a[0..n)}, without changing {@code a}, given a {@code hint}:
     * the value of that rank before one element of the window changed. The answer is then the hint or one of its two
     * neighbours in value, found in one scan; without a hint (NaN) or when it is stale, {@code scratch} serves a heap
     * selection. Both ways give exactly the same value.
     */
    static float kth(float[] a, int n, int k, float hint, float[] scratch) {
        if (!Float.isNaN(hint)) {
            int below = 0;
            int atOrBelow = 0;
            float under = Float.NEGATIVE_INFINITY;   // the largest value below the hint
            float over = Float.POSITIVE_INFINITY;    // the smallest value above it
            for (int i = 0; i < n; i++) {   // branch-free: which side an error falls is a coin toss
                float x = a[i];
                boolean lt = x < hint;
                boolean gt = x > hint;
                below += lt ? 1 : 0;
                atOrBelow += gt ? 0 : 1;
                under = lt && x > under ? x : under;
                over = gt && x < over ? x : over;
            }
            if (below <= k && k < atOrBelow) {
                return hint;
            }
            if (k == atOrBelow && atOrBelow < n) {
                return over;
            }
            if (k == below - 1) {
                return under;
            }
        }
        System.arraycopy(a, 0, scratch, 0, n);
        return kth(scratch, n, k);
    }

    /** Returns the value of rank {@code k} (0-based) among {@code a[0..n)}; {@code a} is overwritten. */
    static float kth(float[] a, int n, int k) {
        if (k < 0 || k >= n) {
            throw new IllegalArgumentException("rank " + k + " outside 0.." + (n - 1));
        }
        // Keep the (n - k) largest in a min-heap (its root is the answer), or the (k + 1) smallest in a max-heap.
        boolean largest = k >= n / 2;
        int size = largest ? n - k : k + 1;
        float sign = largest ? 1f : -1f;   // a max-heap of x is a min-heap of -x
        for (int i = 0; i < size; i++) {
            a[i] *= sign;
        }
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(a, i, size);
        }
        for (int i = size; i < n; i++) {
            float x = a[i] * sign;
            if (x > a[0]) {
                a[0] = x;
                siftDown(a, 0, size);
            }
        }
        return a[0] * sign;
    }

    /** Restores the min-heap order of {@code a[0..size)} below {@code i}. */
    private static void siftDown(float[] a, int i, int size) {
        float x = a[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && a[child + 1] < a[child]) {
                child++;
            }
            if (a[child] >= x) {
                break;
            }
            a[i] = a[child];
            i = child;
        }
        a[i] = x;
    }
}
