package dev.mamori.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a report goes: standard output, or a file written to a temporary file beside it and renamed
 * into place only when the report is complete, so an interrupted run never leaves half a report.
 */
final class ReportSink implements AutoCloseable {
    private final PrintWriter writer;
    private final Path target;
    private final Path temp;
    private boolean committed;

    private ReportSink(PrintWriter writer, Path target, Path temp) {
        this.writer = writer;
        this.target = target;
        this.temp = temp;
    }

    static ReportSink open(Path output, PrintWriter stdout) {
        if (output == null) {
            return new ReportSink(stdout, null, null);
        }
        try {
            Path dir = output.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + output.getFileName(), ".part");
            BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
            return new ReportSink(new PrintWriter(w), output, temp);
        } catch (IOException e) {
            throw new Main.UsageProblem("cannot write " + output + ": " + e.getMessage());
        }
    }

    PrintWriter writer() {
        return writer;
    }

    void commit() {
        writer.flush();
        if (target == null) {
            committed = true;
            return;
        }
        writer.close();
        if (writer.checkError()) {
            throw new UncheckedIOException(new IOException("writing " + target + " failed"));
        }
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the report into place at " + target, e);
        }
    }

    @Override
    public void close() {
        if (target == null) {
            writer.flush();
            return;
        }
        if (!committed) {
            writer.close();
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort: the .part file is hidden and named after the report
            }
        }
    }
}
