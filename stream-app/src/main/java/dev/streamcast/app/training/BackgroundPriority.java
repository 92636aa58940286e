package dev.streamcast.app.training;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Puts the calling thread at the lowest CPU priority (nice 19) where the OS allows it, so training yields to the
 * stream threads whenever the machine is busy and still uses idle cores. {@link Thread#setPriority} does nothing on
 * Linux; measured on 2 cores (`bench --mode max`, 1,600,000 records), training at normal priority cut the
 * forecaster's throughput from 47,400/s to 35,200/s.
 */
final class BackgroundPriority {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private BackgroundPriority() {
    }

    /** Returns whether the thread now runs at nice 19; never throws (the thread then keeps its priority). */
    static boolean lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        if (!Files.exists(THREAD_SELF)) {
            return false; // not Linux
        }
        try {
            // /proc/thread-self links to /proc/<pid>/task/<tid>; renice applies to that one thread.
            String tid = THREAD_SELF.toRealPath().getFileName().toString();
            Process p = new ProcessBuilder("renice", "-n", "19", "-p", tid).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return true;
            }
            p.destroyForcibly();
        } catch (Exception e) {
            LOG.debug("could not lower the priority of {}", Thread.currentThread().getName(), e);
        }
        LOG.info("{} runs at normal CPU priority (renice unavailable): training competes with stream threads",
                Thread.currentThread().getName());
        return false;
    }
}
