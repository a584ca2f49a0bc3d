package dev.mamori.cli;

import dev.mamori.detect.PiiType;
import java.util.EnumSet;
import java.util.Set;

/** What the scan came to, for the exit code: 2 if an input could not be read, 1 if a --fail-on type was found. */
final class Outcome {
    private final Set<PiiType> failOn;
    private final EnumSet<PiiType> failedOn = EnumSet.noneOf(PiiType.class);
    private int unreadable;

    Outcome(Set<PiiType> failOn) {
        this.failOn = failOn;
    }

    void found(PiiType t) {
        if (failOn.contains(t)) {
            failedOn.add(t);
        }
    }

    void unreadable() {
        unreadable++;
    }

    Set<PiiType> failedOn() {
        return failedOn;
    }

    int unreadableFiles() {
        return unreadable;
    }

    int exitCode() {
        if (unreadable > 0) {
            return 2;
        }
        return failedOn.isEmpty() ? 0 : 1;
    }
}
