package dev.mamori.cli.scan;

import dev.mamori.detect.FileReport;
import dev.mamori.detect.LocatedFinding;
import dev.mamori.detect.PiiType;
import dev.mamori.report.Message;
import dev.mamori.table.ReadProblem;
import java.util.Set;

/** Renders a scan as it happens: findings stream in, then each file's report. */
interface ScanReport {
    void begin(Set<PiiType> types);

    void finding(LocatedFinding f);

    /** Encodes findings on the detection threads (see {@link dev.mamori.detect.ScanListener#encoder()}), or null. */
    default dev.mamori.detect.ScanListener.Encoder encoder() {
        return null;
    }

    /** A finding and the bytes {@link #encoder()} made of it, {@code bytes[from, to)}. */
    default void encoded(LocatedFinding f, byte[] bytes, int from, int to) {
        finding(f);
    }

    void problem(ReadProblem p);

    void file(FileReport r);

    /** A file found in a directory was not read, for {@code reason}. */
    void skipped(String file, Message reason);

    /** An input could not be read at all. */
    void unreadable(String file, Message message);

    void end(Outcome outcome);
}
