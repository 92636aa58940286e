package dev.streamcast.loadgen.produce;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * A status line on stderr refreshed about once a second: rewritten in place on a terminal, one line per refresh
 * otherwise (logs, CI). A daemon thread; {@link #close()} prints the last state and ends the line.
 */
public final class ProgressLine implements AutoCloseable {

    private final PrintStream out;
    private final Supplier<String> text;
    private final boolean inPlace;
    private final Thread thread;
    private volatile boolean running = true;
    private int lastWidth;

    public ProgressLine(PrintStream out, Supplier<String> text, long intervalMillis, boolean enabled) {
        this.out = out;
        this.text = text;
        this.inPlace = System.console() != null;
        this.thread = new Thread(() -> loop(intervalMillis), "progress");
        this.thread.setDaemon(true);
        if (enabled) {
            thread.start();
        } else {
            running = false;
        }
    }

    private void loop(long intervalMillis) {
        while (running) {
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                print();
            }
        }
    }

    private synchronized void print() {
        String line = text.get();
        if (inPlace) {
            int pad = Math.max(0, lastWidth - line.length());
            out.print("\r" + line + " ".repeat(pad));
            lastWidth = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Prints a message on its own line without garbling the progress line. */
    public synchronized void message(String text) {
        if (inPlace && lastWidth > 0) {
            out.print("\r" + text + " ".repeat(Math.max(0, lastWidth - text.length())) + "\n");
            lastWidth = 0;
        } else {
            out.println(text);
        }
        out.flush();
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        print();
        if (inPlace) {
            out.println();
        }
    }
}
