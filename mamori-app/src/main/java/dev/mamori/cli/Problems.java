package dev.mamori.cli;

import dev.mamori.table.ReadProblem;

/** One line for a read problem: file, place, what. */
final class Problems {
    private Problems() {
    }

    static String describe(ReadProblem p) {
        StringBuilder b = new StringBuilder(p.file());
        if (p.line() > 0) {
            b.append(':').append(p.line());
        }
        if (p.byteOffset() >= 0) {
            b.append(" (byte ").append(p.byteOffset()).append(')');
        }
        return b.append(": ").append(p.message()).toString();
    }
}
