package dev.streamcast.app.training;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class BackgroundPriorityTest {

    @Test
    void lowersOnlyTheCallingThreadToNice19() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "needs Linux /proc");
        AtomicReference<String> seen = new AtomicReference<>();
        Thread t = new Thread(() -> {
            boolean lowered = BackgroundPriority.lowerCurrentThread();
            seen.set(lowered + " " + niceOfThisThread());
        });
        t.start();
        t.join();
        assertEquals("true 19", seen.get());
        assertTrue(niceOfThisThread() < 19, "the caller's own thread keeps its priority");
    }

    /** Field 19 of /proc/thread-self/stat, counted after the command name (which may contain spaces). */
    private static int niceOfThisThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
