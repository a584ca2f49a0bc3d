package dev.mamori.cli;

import dev.mamori.report.Terminal;
import java.io.PrintStream;

/**
 * A one-line progress bar on standard error, drawn only when a person is watching (a terminal), at
 * most ten times a second. Silent otherwise, so pipelines and logs stay clean.
 */
public class Progress {

    private static final Progress NONE = new Progress();

    private Progress() {
    }

    public static Progress forStderr(boolean wanted) {
        return wanted && System.console() != null && System.getenv("CI") == null ? new Bar(System.err) : NONE;
    }

    /** A new file of {@code size} bytes (-1 when unknown) starts. */
    public void start(String name, long size) {
    }

    /** {@code bytes} of the current file have been read. */
    public void advance(long bytes) {
    }

    public void done() {
    }

    private static final class Bar extends Progress {
        private final PrintStream err;
        private String name;
        private long size;
        private long last;
        private long started;
        private boolean drawn;

        Bar(PrintStream err) {
            this.err = err;
        }

        @Override
        public void start(String name, long size) {
            this.name = name;
            this.size = size;
            this.started = System.nanoTime();
            draw(0, true);
        }

        @Override
        public void advance(long bytes) {
            draw(bytes, false);
        }

        private void draw(long bytes, boolean force) {
            long now = System.nanoTime();
            if (!force && now - last < 100_000_000L) {
                return;
            }
            last = now;
            double secs = Math.max(1e-9, (now - started) / 1e9);
            String rate = String.format("%6.1f MB/s", bytes / 1e6 / secs);
            String bar;
            if (size > 0) {
                int pct = (int) Math.min(100, 100 * bytes / size);
                int filled = pct / 5;
                bar = "[" + "#".repeat(filled) + " ".repeat(20 - filled) + String.format("] %3d%%", pct);
            } else {
                bar = String.format("%,d bytes", bytes);
            }
            err.print("\r\033[K" + bar + " " + rate + "  " + Text.pad(Terminal.safe(name), 40));
            err.flush();
            drawn = true;
        }

        @Override
        public void done() {
            if (drawn) {
                err.print("\r\033[K");
                err.flush();
            }
        }
    }
}
