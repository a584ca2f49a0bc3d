package dev.mamori.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on the files the assess and spam commands are given. */
public final class AssessFiles {

    private AssessFiles() {
    }

    /** The path, if it is a readable file; otherwise a usage problem (exit 2) naming it. */
    public static Path existing(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new Main.UsageProblem(p + ": " + (Files.exists(p) ? "not a file" : "no such file"));
        }
        if (!Files.isReadable(p)) {
            throw new Main.UsageProblem(p + ": cannot be read");
        }
        return p;
    }
}
