package dev.mamori.cli;

import dev.mamori.report.AtomicFiles;
import dev.mamori.report.Terminal;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where a report goes: standard output, or a file written whole or not at all ({@link AtomicFiles}:
 * a private temporary file beside it, renamed into place only when the report is complete).
 */
public final class ReportSink implements AutoCloseable {
    private final PrintWriter writer;
    private final AtomicFiles.Pending pending;
    /** The process's standard output as a writer (UTF-8) and as the stream under it, when {@link Main#main} set them. */
    private static volatile PrintWriter stdoutWriter;
    private static volatile java.io.OutputStream stdoutStream;

    /** Tells that {@code writer} writes UTF-8 to {@code stream}: a report to it may write bytes to the stream instead. */
    static void standardOutput(PrintWriter writer, java.io.OutputStream stream) {
        stdoutWriter = writer;
        stdoutStream = stream;
    }

    private ReportSink(PrintWriter writer, AtomicFiles.Pending pending) {
        this.writer = writer;
        this.pending = pending;
    }

    /** A report of ordinary permission (readable as the umask allows) in {@code output}, or {@code stdout} when null. */
    public static ReportSink open(Path output, PrintWriter stdout) {
        return open(output, stdout, false);
    }

    /** A report readable by its owner alone (mode 600) in {@code output}: one that holds personal data. */
    public static ReportSink openPrivate(Path output, PrintWriter stdout) {
        return open(output, stdout, true);
    }

    private static ReportSink open(Path output, PrintWriter stdout, boolean ownerOnly) {
        if (output == null) {
            return new ReportSink(stdout, null);
        }
        try {
            AtomicFiles.Pending p = ownerOnly ? AtomicFiles.openPrivate(output) : AtomicFiles.open(output);
            return new ReportSink(new PrintWriter(new OutputStreamWriter(p.stream(), StandardCharsets.UTF_8)), p);
        } catch (IOException e) {
            String name = Terminal.safe(output.toString());
            throw new Main.UsageProblem(name + " に書き出せません: " + e.getMessage(), "cannot write " + name + ": " + e.getMessage());
        }
    }

    public PrintWriter writer() {
        return writer;
    }

    /**
     * The byte stream under {@link #writer()} when the report goes to a file or to the process's
     * standard output, else null (a writer given by a caller, as in tests). A report may write bytes
     * here instead of using the writer (not both: the writer buffers).
     */
    public java.io.OutputStream stream() {
        if (pending == null) {
            if (writer != stdoutWriter) {
                return null;
            }
            writer.flush();
            return stdoutStream;
        }
        try {
            return pending.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void commit() {
        writer.flush();
        if (pending == null) {
            return;
        }
        if (writer.checkError()) {
            throw new UncheckedIOException(new IOException(Lang.tr(pending.target() + " への書き出しに失敗しました",
                    "writing " + pending.target() + " failed")));
        }
        try {
            pending.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(Lang.tr("レポートを " + pending.target() + " に置けません",
                    "cannot move the report into place at " + pending.target()), e);
        }
    }

    @Override
    public void close() {
        writer.flush();
        if (pending != null) {
            try {
                pending.close(); // without a commit: the temporary file is removed
            } catch (IOException ignored) {
                // the part is private and removed at exit or by the next run
            }
        }
    }
}
