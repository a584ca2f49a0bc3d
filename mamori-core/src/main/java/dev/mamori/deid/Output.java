package dev.mamori.deid;

import java.nio.file.Path;

/**
 * Where a de-identification run writes and how: the file, a UTF-8 byte order mark for Excel, and who
 * hears how far the run has come. 仮名加工情報 and re-linked data are still personal information, so those
 * files are made readable by their owner alone (mode 600); 匿名加工情報 gets the mode the umask gives.
 *
 * @param path     the output file
 * @param bom      start UTF-8 output with a byte order mark (ignored for other encodings)
 * @param progress told of each pass and of the bytes read
 */
public record Output(Path path, boolean bom, Progress progress) {

    /** Hears how far a run has come; both methods may be left out. */
    public interface Progress {
        /** A pass over the input starts: {@code n} of {@code of} (1 of 1 for one-pass runs). */
        default void pass(int n, int of) {
        }

        /** {@code bytes} of the input have been read in this pass. */
        default void bytes(long bytes) {
        }
    }

    /** No one listening. */
    public static final Progress SILENT = new Progress() {
    };

    public Output {
        java.util.Objects.requireNonNull(path, "path");
        progress = progress == null ? SILENT : progress;
    }

    /** {@code path}, no BOM, no progress. */
    public static Output to(Path path) {
        return new Output(path, false, SILENT);
    }
}
