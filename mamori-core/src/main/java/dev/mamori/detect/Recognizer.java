package dev.mamori.detect;

import java.util.List;
import java.util.Set;

/**
 * Finds some types of personal information in a piece of text. Implementations are stateless and
 * thread-safe; their rules live in data files under resources/dev/mamori/detect/.
 */
interface Recognizer {

    /** The types this recognizer can report. */
    Set<PiiType> types();

    /**
     * Appends what it finds in {@code text} to {@code out}. Offsets are String indices into
     * {@code text}. Must not throw on any input.
     */
    void find(String text, ScanContext context, List<Finding> out);
}
