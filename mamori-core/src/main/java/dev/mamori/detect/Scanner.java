package dev.mamori.detect;

import dev.mamori.table.DocumentReader;
import dev.mamori.table.ReadException;
import dev.mamori.table.ReadSummary;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Scans files for personal information: reads them as text, tables or labelled documents, runs the
 * {@link Detector} over every line or cell, streams the findings to a listener and classifies each
 * table column and the file. Memory stays bounded whatever the input size: rows are read, scanned
 * and forgotten in small batches.
 *
 * <p>With {@code threads > 1} the reading thread hands batches to workers and findings still come
 * out in input order. Close the scanner to stop its workers.
 */
public final class Scanner implements AutoCloseable {

    /**
     * @param types         the types to look for
     * @param minConfidence findings below this are dropped
     * @param threads       detection threads (the reading thread comes on top)
     * @param read          how to read inputs
     */
    public record Options(Set<PiiType> types, double minConfidence, int threads, DocumentReader.Options read) {
        public Options {
            types = Set.copyOf(types);
            if (!(minConfidence >= 0 && minConfidence <= 1)) { // NaN too
                throw new IllegalArgumentException("minConfidence must be a number from 0 to 1, not " + minConfidence);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
        }

        public static Options defaults() {
            return new Options(EnumSet.allOf(PiiType.class), Detector.DEFAULT_MIN_CONFIDENCE, 1, DocumentReader.Options.defaults().withTitleLines(true));
        }

        public Options withTypes(Set<PiiType> t) {
            return new Options(t, minConfidence, threads, read);
        }

        public Options withThreads(int n) {
            return new Options(types, minConfidence, n, read);
        }

        public Options withRead(DocumentReader.Options r) {
            return new Options(types, minConfidence, threads, r);
        }
    }

    private final Options options;
    private final Detector detector;
    private final DocumentReader reader;
    private final ExecutorService workers;

    /**
     * Loads on the calling thread what detecting {@code types} needs that takes a while in a fresh JVM (Kuromoji's
     * dictionaries for names, addresses and 要配慮 facts): for a command to call on another thread as it starts.
     */
    public static void prepare(Set<PiiType> types) {
        if (types.contains(PiiType.PERSON) || types.contains(PiiType.ADDRESS) || types.stream().anyMatch(
                t -> t.category() == LegalCategory.SPECIAL_CARE_REQUIRED)) {
            Morphology.prepare();
        }
    }

    public Scanner(Options options) {
        this.options = options;
        this.detector = Detector.of(options.types(), options.minConfidence());
        this.reader = new DocumentReader(options.read());
        this.workers = options.threads() > 1 ? Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "mamori-scan");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    public Detector detector() {
        return detector;
    }

    /** Scans a file, named {@code displayName} in its findings, problems and messages. Throws only when the file cannot be read at all. */
    public FileReport scan(Path file, String displayName, ScanListener listener) throws ReadException {
        // large CSV and text files are cut into blocks, read and parsed on the workers (or here, with one thread)
        return run(displayName, listener, job -> reader.readInBlocks(file, displayName, job, job));
    }

    /** Scans a stream, e.g. standard input. */
    public FileReport scan(InputStream in, String name, ScanListener listener) throws ReadException {
        return run(name, listener, job -> reader.read(in, name, job));
    }

    /** Scans what {@code source} delivers (e.g. a database's tables: {@link dev.mamori.table.Database#read}), named {@code name}. */
    public FileReport scan(String name, ScanListener listener, Source source) throws ReadException {
        return run(name, listener, source::into);
    }

    /** An input that delivers its content to a visitor, like {@link DocumentReader#read}. */
    @FunctionalInterface
    public interface Source {
        ReadSummary into(dev.mamori.table.DocumentVisitor visitor) throws ReadException;
    }

    private interface Read {
        ReadSummary into(ScanJob job) throws ReadException;
    }

    private FileReport run(String name, ScanListener listener, Read read) throws ReadException {
        ScanJob job = new ScanJob(name, detector, workers, options.threads(), listener);
        long t0 = System.nanoTime();
        try {
            ReadSummary summary = read.into(job);
            return job.finish(summary, System.nanoTime() - t0);
        } catch (ReadException | RuntimeException e) {
            job.abandon();
            throw e;
        }
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
