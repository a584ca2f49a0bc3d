package dev.mamori.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one check every command that writes makes before it writes anything: no output may be one of
 * the run's inputs, the key store, the policy, or another output of the same run — compared as the
 * files they are, so a symbolic or hard link, {@code ./x} against {@code x}, or a file inside a
 * scanned folder is caught as well as the same name.
 *
 * <pre>{@code
 * OutputGuard.of()
 *     .reads(data, "the input").reads(keyStore, "the key store").reads(policy, "the policy")
 *     .writes(output, "--output").writes(record, "the processing record")
 *     .check();   // IllegalArgumentException naming both, before anything is written
 * }</pre>
 */
public final class OutputGuard {

    private record Entry(Path path, Message what) {
    }

    private final List<Entry> reads = new ArrayList<>();
    private final List<Entry> writes = new ArrayList<>();

    private OutputGuard() {
    }

    public static OutputGuard of() {
        return new OutputGuard();
    }

    /** A file or folder the run reads and must never replace; null and {@code "-"} (standard input) are ignored. */
    public OutputGuard reads(Path p, String what) {
        return reads(p, what, what);
    }

    /** {@link #reads(Path, String)} with its name in Japanese and English (an option name needs only one). */
    public OutputGuard reads(Path p, String ja, String en) {
        if (p != null && !p.toString().equals("-")) {
            reads.add(new Entry(p, new Message(ja, en)));
        }
        return this;
    }

    /** A file the run writes; null is ignored. */
    public OutputGuard writes(Path p, String what) {
        return writes(p, what, what);
    }

    /** {@link #writes(Path, String)} with its name in Japanese and English. */
    public OutputGuard writes(Path p, String ja, String en) {
        if (p != null && !p.toString().equals("-")) {
            writes.add(new Entry(p, new Message(ja, en)));
        }
        return this;
    }

    /**
     * @throws Message.Problem (an IllegalArgumentException, in Japanese and English) if an output is an
     *         input, a protected file, or another output
     */
    public void check() {
        for (int i = 0; i < writes.size(); i++) {
            Entry w = writes.get(i);
            for (Entry r : reads) {
                if (clash(w.path(), r.path(), true)) {
                    String at = " (" + Terminal.safe(r.path().toString()) + ")";
                    throw refuse(w, r.what().plus(at, at));
                }
            }
            for (int j = 0; j < i; j++) {
                Entry o = writes.get(j);
                if (clash(w.path(), o.path(), false)) {
                    throw refuse(w, o.what().plus("（この実行の別の出力）", ", another output of this run"));
                }
            }
        }
    }

    private static Message.Problem refuse(Entry w, Message other) {
        String at = " (" + Terminal.safe(w.path().toString()) + ")";
        return new Message.Problem(
                w.what().ja() + at + " は " + other.ja() + " と同じファイルです。Mamori は入力、鍵ストア、方針ファイル、"
                        + "同じ実行の別の出力を上書きしません。別のファイルを指定してください",
                w.what().en() + at + " is " + other.en() + "; Mamori never writes over its input, the key store,"
                        + " the policy or another of its outputs: choose another file");
    }

    /** Whether writing {@code out} would replace {@code other} (or a file inside it, when it is a folder that is read). */
    private static boolean clash(Path out, Path other, boolean otherIsRead) {
        try {
            Path o = canonical(out);
            Path x = canonical(other);
            if (o.equals(x)) {
                return true;
            }
            if (Files.exists(out) && Files.exists(other) && Files.isSameFile(out, other)) {
                return true; // a hard link
            }
            // a file inside a folder that is read (scan DIR --output DIR/existing.csv)
            return otherIsRead && Files.isDirectory(other) && o.startsWith(x) && Files.isRegularFile(out);
        } catch (IOException e) {
            return false; // an unreadable path is reported by the read or the write itself
        }
    }

    /** The path with every symbolic link resolved, also when the file itself does not exist yet. */
    static Path canonical(Path p) throws IOException {
        Path a = p.toAbsolutePath().normalize();
        for (int hops = 0; Files.isSymbolicLink(a) && hops < 40; hops++) {
            a = a.resolveSibling(Files.readSymbolicLink(a)).toAbsolutePath().normalize();
        }
        if (Files.exists(a)) {
            return a.toRealPath();
        }
        Path parent = a.getParent();
        return parent != null && Files.exists(parent) ? parent.toRealPath().resolve(a.getFileName()) : a;
    }
}
