package dev.mamori.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on the input files commands are given: each one a readable file, or a usage problem naming it. */
public final class InputFiles {

    private InputFiles() {
    }

    /** The path, if it is a readable file; otherwise a usage problem (exit 2) naming it, in the run's language. */
    public static Path existing(Path p) {
        if (!Files.isRegularFile(p)) {
            throw Files.exists(p) ? new Main.UsageProblem(p + ": ファイルではありません", p + ": not a file")
                    : new Main.UsageProblem(p + ": そのようなファイルはありません", p + ": no such file");
        }
        if (!Files.isReadable(p)) {
            throw new Main.UsageProblem(p + ": 読めません", p + ": cannot be read");
        }
        return p;
    }
}
