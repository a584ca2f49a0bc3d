package dev.mamori.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** {@code mamori} in a JVM of its own, for what only a real process shows: signals, kill -9, files left behind. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** {@code java -Djava.io.tmpdir=TMP -cp <the test class path> dev.mamori.cli.Main ARGS}. */
    public static ProcessBuilder mamori(Path tmp, String... args) throws IOException {
        Files.createDirectories(tmp);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-Djava.io.tmpdir=" + tmp,
                "-Dmamori.lang=" + System.getProperty("mamori.lang", "ja"), "-cp", cp, Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    /** Sends a signal by name (INT is what Ctrl-C sends) with kill(1). */
    public static void signal(Process p, String name) throws IOException, InterruptedException {
        if (name.equals("INT") && ignoresInterrupt()) {
            throw new AssertionError("SIGINT is ignored by this test JVM, and so by the child it started: the build was started"
                    + " as a background job without job control (sh -c '... &'), which ignores Ctrl-C. Run the suite in the"
                    + " foreground (or with set -m).");
        }
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + name + " " + p.pid() + " failed");
        }
    }

    /** Whether this process ignores SIGINT, read from /proc/self/status (Linux; false elsewhere). Its children inherit it. */
    private static boolean ignoresInterrupt() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16) & (1L << (2 - 1))) != 0; // SIGINT is 2
            }
        }
        return false;
    }

    /** Polls until {@code what} has a value; fails the test after {@code seconds}. */
    public static <T> T await(String description, int seconds, Supplier<Optional<T>> what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            Optional<T> v = what.get();
            if (v.isPresent()) {
                return v.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + description);
            }
            Thread.sleep(50);
        }
    }
}
