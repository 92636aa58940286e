package dev.streamcast.model.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Like torch_bench.py's contention(): cores used by this process and by everything else, from /proc. */
final class Cpu {
    private final long wall0 = System.nanoTime();
    private final long[] snap0 = snapshot();

    static long[] snapshot() {
        try {
            String[] v = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i <= 8; i++) {
                busy += Long.parseLong(v[i]);
            }
            busy -= Long.parseLong(v[4]) + Long.parseLong(v[5]);
            String st = Files.readString(Path.of("/proc/self/stat"));
            String[] fl = st.substring(st.lastIndexOf(')') + 2).trim().split("\\s+");
            long self = Long.parseLong(fl[11]) + Long.parseLong(fl[12]);
            return new long[] {busy, self};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    Map<String, Object> contention() {
        Map<String, Object> m = new LinkedHashMap<>();
        long[] s1 = snapshot();
        if (snap0 == null || s1 == null) {
            return m;
        }
        double wall = Math.max((System.nanoTime() - wall0) / 1e9, 1e-9);
        double hz = 100.0;   // USER_HZ on Linux
        long self = s1[1] - snap0[1];
        long others = Math.max(0, (s1[0] - snap0[0]) - self);
        m.put("cpu_self_cores", ModelBench.round(self / hz / wall, 2));
        m.put("cpu_others_cores", ModelBench.round(others / hz / wall, 2));
        return m;
    }
}
