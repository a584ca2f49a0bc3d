package dev.mamori.deid;

import dev.mamori.report.Message;

import dev.mamori.table.Block;
import dev.mamori.table.DocumentReader;
import dev.mamori.table.DocumentVisitor;
import dev.mamori.table.Format;
import dev.mamori.table.ReadException;
import dev.mamori.table.ReadProblem;
import dev.mamori.table.ReadSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/** Reading a CSV/TSV row by row for the streaming de-identification paths, and opening their output. */
final class TableStream {

    private TableStream() {
    }

    /** A visitor for tables: anything else, and any damage in the input, stops the run. */
    abstract static class Rows implements DocumentVisitor {
        /** The input being read, for messages (set by {@link TableStream#read}). */
        private Path input;
        private Output.Progress progress = Output.SILENT;

        @Override
        public void progress(long bytesRead) {
            progress.bytes(bytesRead);
        }

        @Override
        public void text(long line, int offset, int overlap, String chunk) {
            throw new Message.Problem(input + ": " + line + " 行目: CSV として読めないレコードがあります（引用符の閉じ忘れ？）。"
                    + "入力が壊れているため加工を中止しました。何も書き出していません", input + ": line " + line
                    + ": a record that cannot be read as CSV (a stray quote?); de-identification stops on damaged input; nothing was written");
        }

        @Override
        public void labeled(long line, String docId, String text) {
            throw new Message.Problem("表ではありません", "not a table");
        }

        @Override
        public void problem(ReadProblem problem) {
            throw new Message.Problem(problem.text()
                    .plus("（入力が壊れているため加工を中止しました。何も書き出していません）",
                            " (de-identification stops on damaged input; nothing was written)"));
        }
    }

    /** Reads every row of {@code input} into {@code rows}. */
    static ReadSummary read(Path input, Rows rows) throws IOException {
        return read(input, rows, Output.SILENT);
    }

    /** Reads every row of {@code input} into {@code rows}, telling {@code progress} of the bytes read. */
    static ReadSummary read(Path input, Rows rows, Output.Progress progress) throws IOException {
        // in blocks read here in order: a CSV block is parsed on its bytes, the fastest way the reader has
        return readInBlocks(input, rows, block -> block.read(rows), n -> { }, progress, null, 1);
    }

    /**
     * Reads {@code input} cut into blocks at record boundaries: {@code work} turns each block into a result on one of
     * {@code workers} (its rows read by a visitor of its own), and {@code inOrder} takes the results on this thread in
     * input order. The header, progress, and any rows that cannot be cut into blocks (a record longer than any block)
     * go to {@code whole} on this thread. A worker's failure is thrown here, when its block's turn comes. Without
     * workers (null) each block is worked on here.
     */
    static <T> ReadSummary readInBlocks(Path input, Rows whole, Function<Block, T> work, Consumer<T> inOrder, Output.Progress progress,
                                        ExecutorService workers, int threads) throws IOException {
        checkReadable(input);
        whole.input = input;
        whole.progress = progress;
        ArrayDeque<Future<T>> inFlight = new ArrayDeque<>();
        try {
            // blocks of 256 KiB: each block's counts are merged here one by one, so fewer, larger blocks cost less
            ReadSummary s = new DocumentReader(null).readInBlocks(input, whole, new Block.Sink() {
                @Override
                public void block(Block block) {
                    if (workers == null) {
                        inOrder.accept(work.apply(block));
                        return;
                    }
                    inFlight.add(workers.submit(() -> work.apply(block)));
                    while (inFlight.size() > 2 * threads) {
                        inOrder.accept(next(inFlight));
                    }
                }

                @Override
                public void drain() {
                    while (!inFlight.isEmpty()) {
                        inOrder.accept(next(inFlight));
                    }
                }
            }, 1 << 18);
            if (s.format() != Format.CSV) {
                throw notCsv(input, s.format());
            }
            return s;
        } catch (ReadException e) {
            throw new Message.Problem(Message.of(e));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            inFlight.forEach(f -> f.cancel(true));
        }
    }

    private static <T> T next(ArrayDeque<Future<T>> inFlight) {
        try {
            return inFlight.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // the block's own problem (damaged input, a refused column), as the sequential read throws it
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A visitor of one block's rows, named after the input for its messages. */
    static <R extends Rows> R forBlock(R rows, Path input) {
        ((Rows) rows).input = input;
        return rows;
    }

    /** The output, opened in the input's encoding and delimiter (judged from its head); {@code read[0]} gets that judgement. */
    static CsvOutput output(Path input, Output output, boolean ownerOnly, ReadSummary[] read) throws IOException {
        checkReadable(input);
        ReadSummary probe;
        try {
            probe = new DocumentReader(null).probe(input);
        } catch (ReadException e) {
            throw new Message.Problem(Message.of(e));
        }
        if (probe.format() != Format.CSV) {
            throw notCsv(input, probe.format());
        }
        read[0] = probe;
        return CsvOutput.open(output.path(), probe.charset(), probe.delimiter(), output.bom(), ownerOnly);
    }

    /** A missing input is a missing file (a pipe or a device is refused by the reader, which would have to open it twice). */
    private static void checkReadable(Path input) throws IOException {
        if (!Files.exists(input)) {
            throw new java.nio.file.NoSuchFileException(input.toString(), null, "no such file");
        }
        if (Files.isDirectory(input)) {
            throw new Message.Problem(input + ": フォルダーです。加工するのは 1 つの CSV/TSV ファイルです",
                    input + ": a folder; de-identification reads one CSV/TSV file");
        }
    }

    static Message.Problem notCsv(Path input, Format format) {
        return new Message.Problem(input + ": 加工できるのは CSV/TSV です（" + format + " は不可）",
                input + ": de-identification reads CSV/TSV, not " + format);
    }
}
