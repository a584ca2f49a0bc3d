package dev.mamori.detect;

import dev.mamori.table.ReadProblem;
import java.io.IOException;
import java.util.List;

/** Receives what a scan finds, in input order, on one thread. */
public interface ScanListener {

    void finding(LocatedFinding finding);

    /** A problem in the input that did not stop the scan. */
    default void problem(ReadProblem problem) {
    }

    /** Bytes of the input read so far (text inputs only), for progress bars. */
    default void progress(long bytesRead) {
    }

    /**
     * Turns findings into the bytes a listener writes (a report's lines, say) on the thread that found
     * them, so that with several detection threads the encoding runs in parallel and the thread that
     * delivers findings in input order only copies bytes. Called on worker threads, several at once:
     * implementations must be thread-safe.
     */
    interface Encoder {
        /**
         * Encodes the findings one after the other into an array, which it returns, recording in
         * {@code ends[k]} (an array at least as long as the list) where the bytes of
         * {@code findings.get(k)} end; they start where the previous finding's end, the first at 0.
         */
        byte[] encode(List<LocatedFinding> findings, int[] ends) throws IOException;
    }

    /** The encoder of this listener, or null (the default): findings then arrive through {@link #finding} only. */
    default Encoder encoder() {
        return null;
    }

    /**
     * With an {@link #encoder()}: a finding, in input order, and its encoding, {@code bytes[from, to)}.
     * Called instead of {@link #finding}; the array is not to be kept or changed.
     */
    default void encoded(LocatedFinding finding, byte[] bytes, int from, int to) {
        finding(finding);
    }
}
