package dev.mamori.cli.scan;

import dev.mamori.cli.Main;

import dev.mamori.detect.PiiType;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the scan came to, for the exit code. 3: an internal error on some file, or a recognizer that
 * failed on some text (its findings there are missing). 2: an input named on
 * the command line could not be read; a file found in a directory could not be read (unless
 * {@code --allow-unread}); or, with {@code --fail-on}, some part of the input was not read (a file
 * skipped, a line, record or sheet unread), so the gate cannot pass (unless {@code --allow-unread}).
 * 1: a {@code --fail-on} type was found. 0 otherwise.
 */
final class Outcome {
    private final Set<PiiType> failOn;
    private final boolean allowUnread;
    private final EnumSet<PiiType> failedOn = EnumSet.noneOf(PiiType.class);
    private int badInputs;
    private int unreadableFound;
    private long unreadParts;
    private int internalErrors;
    private long recognizerFailures;

    Outcome(Set<PiiType> failOn, boolean allowUnread) {
        this.failOn = failOn;
        this.allowUnread = allowUnread;
    }

    void found(PiiType t) {
        if (failOn.contains(t)) {
            failedOn.add(t);
        }
    }

    /** An input named on the command line is missing or cannot be read at all. */
    void badInput() {
        badInputs++;
    }

    /** A file found in a directory cannot be read at all. */
    void unreadableFile() {
        unreadableFound++;
    }

    /** Part of an input was not read: a file skipped, or a problem that says so. */
    void unread() {
        unreadParts++;
    }

    /** A defect met while scanning one file (the others were scanned). */
    void internalError() {
        internalErrors++;
    }

    /**
     * Recognizers threw this many times (each time one text lost that recognizer's findings): a defect,
     * and the findings may be incomplete.
     */
    void recognizerFailures(long n) {
        recognizerFailures = n;
    }

    long recognizerFailures() {
        return recognizerFailures;
    }

    Set<PiiType> failedOn() {
        return failedOn;
    }

    int unreadableFiles() {
        return badInputs + unreadableFound;
    }

    /** Everything that was not read: unreadable files, skipped files, unread parts. */
    long unreadProblems() {
        return unreadableFiles() + unreadParts;
    }

    /** True when --fail-on cannot pass because some input was not read. */
    boolean gateBlocked() {
        return !failOn.isEmpty() && !allowUnread && unreadProblems() > 0;
    }

    int exitCode() {
        if (internalErrors > 0 || recognizerFailures > 0) {
            return Main.INTERNAL;
        }
        if (badInputs > 0 || unreadableFound > 0 && !allowUnread || gateBlocked()) {
            return Main.USAGE;
        }
        return failedOn.isEmpty() ? Main.OK : Main.FOUND;
    }
}
