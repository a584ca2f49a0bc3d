package dev.mamori.detect;

import dev.mamori.table.ReadProblem;

/** Receives what a scan finds, in input order, on one thread. */
public interface ScanListener {

    void finding(LocatedFinding finding);

    /** A problem in the input that did not stop the scan. */
    default void problem(ReadProblem problem) {
    }

    /** Bytes of the input read so far (text inputs only), for progress bars. */
    default void progress(long bytesRead) {
    }
}
