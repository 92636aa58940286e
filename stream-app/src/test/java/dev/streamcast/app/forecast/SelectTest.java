package dev.streamcast.app.forecast;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SelectTest {

    @Test
    void agreesWithSortingForEveryRankOnRandomSortedAndTiedInputs() {
        Random r = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + r.nextInt(120);
            float[] a = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = switch (trial % 5) {
                    case 0 -> r.nextFloat();
                    case 1 -> i;                   // already sorted
                    case 2 -> n - i;               // reversed
                    case 3 -> r.nextFloat() - 0.5f; // negatives too
                    default -> r.nextInt(4);       // many ties
                };
            }
            float[] sorted = a.clone();
            Arrays.sort(sorted);
            for (int k = 0; k < n; k++) {
                assertEquals(sorted[k], Select.kth(a.clone(), n, k), "n=" + n + " k=" + k);
            }
        }
    }

    @Test
    void aHintedSelectionOverASlidingWindowAgreesWithSorting() {
        Random r = new Random(3);
        int capacity = 100;
        float[] ring = new float[capacity];
        float[] scratch = new float[capacity];
        int n = 0;
        int pos = 0;
        float hint = Float.NaN;
        for (int step = 0; step < 20_000; step++) {
            // mostly one new error per step, as the forecaster does; sometimes ties, sometimes a wild hint
            ring[pos] = step % 7 == 0 ? 0.5f : (float) Math.abs(r.nextGaussian());
            pos = (pos + 1) % capacity;
            n = Math.min(n + 1, capacity);
            int k = Math.min((int) Math.ceil((n + 1) * 0.9) - 1, n - 1);
            if (step % 101 == 0) {
                hint = r.nextFloat() * 3;
            }
            float[] sorted = java.util.Arrays.copyOf(ring, n);
            Arrays.sort(sorted);
            float[] before = ring.clone();
            float got = Select.kth(ring, n, k, hint, scratch);
            assertEquals(sorted[k], got, "step " + step + " n=" + n + " k=" + k + " hint=" + hint);
            assertEquals(Arrays.toString(before), Arrays.toString(ring), "the window is left as it was");
            hint = got;
        }
    }
}
