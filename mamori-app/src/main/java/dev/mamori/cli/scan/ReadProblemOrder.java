package dev.mamori.cli.scan;

import dev.mamori.table.ReadProblem;
import java.util.Comparator;

/** Problems of one file in input order: by line, then byte offset (unknown first); ties keep their order. */
final class ReadProblemOrder implements Comparator<ReadProblem> {

    static final ReadProblemOrder INSTANCE = new ReadProblemOrder();

    private ReadProblemOrder() {
    }

    @Override
    public int compare(ReadProblem a, ReadProblem b) {
        int byLine = Long.compare(a.line(), b.line());
        return byLine != 0 ? byLine : Long.compare(a.byteOffset(), b.byteOffset());
    }
}
