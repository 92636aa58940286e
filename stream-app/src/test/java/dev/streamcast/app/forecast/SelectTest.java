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
}
