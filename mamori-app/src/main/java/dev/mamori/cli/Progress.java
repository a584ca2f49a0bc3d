package dev.mamori.cli;

import dev.mamori.report.Terminal;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A one-line progress bar on standard error, drawn only when a person is watching it: when standard
 * error is a terminal (also when standard output is redirected to a file or a pipe), at most ten
 * times a second. Silent otherwise, so pipelines and logs stay clean. {@code MAMORI_PROGRESS=0} turns
 * it off, {@code MAMORI_PROGRESS=1} turns it on whatever standard error is.
 */
public class Progress {

    private static final Progress NONE = new Progress();

    private Progress() {
    }

    public static Progress forStderr(boolean wanted) {
        return wanted && stderrIsWatched() ? new Bar(System.err) : NONE;
    }

    /** Whether standard error is a terminal (see the class comment for {@code MAMORI_PROGRESS}). */
    static boolean stderrIsWatched() {
        return watched(System.getenv(), Path.of("/proc/self/fd/2"));
    }

    /** Whether a progress bar is drawn, given the environment and the link of standard error's file descriptor. */
    static boolean watched(java.util.Map<String, String> env, Path stderrLink) {
        String forced = env.get("MAMORI_PROGRESS");
        if (forced != null && !forced.isBlank()) {
            return !forced.strip().equals("0");
        }
        if (env.get("CI") != null) {
            return false;
        }
        return isTerminal(stderrLink);
    }

    /** Whether the file descriptor link points at a terminal device (Linux); else whether there is a console. */
    static boolean isTerminal(Path fdLink) {
        try {
            String target = Files.readSymbolicLink(fdLink).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null; // not Linux: the console, when both ends are a terminal
        }
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
