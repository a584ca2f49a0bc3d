package dev.mamori.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on the files the assess and spam commands are given. */
final class AssessFiles {

    private AssessFiles() {
    }

    /** The path, if it is a readable file; otherwise a usage problem (exit 2) naming it. */
    static Path existing(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new Main.UsageProblem(p + ": " + (Files.exists(p) ? "not a file" : "no such file"));
        }
        if (!Files.isReadable(p)) {
            throw new Main.UsageProblem(p + ": cannot be read");
        }
        return p;
    }

    /** Refuses an output that is one of the inputs (or inside an input folder): a report must never replace what it reports on. */
    static void notAnInput(Path output, java.util.Collection<?> inputs) {
        if (output == null) {
            return;
        }
        Path out = output.toAbsolutePath().normalize();
        for (Object in : inputs) {
            if (in == null || "-".equals(in.toString())) {
                continue;
            }
            Path p = Path.of(in.toString()).toAbsolutePath().normalize();
            if (out.equals(p) || (Files.isDirectory(p) && out.startsWith(p) && Files.exists(out))) {
                throw new Main.UsageProblem(output + " is one of the inputs; write the report somewhere else");
            }
        }
    }
}
