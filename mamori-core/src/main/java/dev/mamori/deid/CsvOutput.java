package dev.mamori.deid;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.mamori.report.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A processed table written as CSV in the input's encoding and delimiter (CRLF line ends), whole or
 * not at all ({@link AtomicFiles}), with the SHA-256 of the bytes written for the processing record.
 * Values are written as they are: de-identified data keeps its values byte for byte.
 */
public final class CsvOutput implements AutoCloseable {

    private final AtomicFiles.Pending pending;
    private final MessageDigest digest;
    private final OutputStream out;
    private final Writer writer;
    private final CsvWriter csv;
    private String sha256;

    private CsvOutput(AtomicFiles.Pending pending, Charset charset, char delimiter) throws IOException {
        this.pending = pending;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        this.out = new DigestOutputStream(pending.stream(), digest);
        this.writer = new OutputStreamWriter(out, charset);
        this.csv = writer(writer, delimiter);
    }

    /** A CSV writer as this class writes: for records formatted elsewhere and given to {@link #writeEncoded}. */
    public static CsvWriter writer(Writer w, char delimiter) {
        return CsvWriter.builder().fieldSeparator(delimiter == '\0' ? ',' : delimiter).lineDelimiter(LineDelimiter.CRLF).build(w);
    }

    /** Starts writing {@code target}; nothing is there until {@link #commit()}. */
    public static CsvOutput open(Path target, Charset charset, char delimiter) throws IOException {
        return open(target, charset, delimiter, false, false);
    }

    /**
     * Starts writing {@code target}.
     *
     * @param bom       a UTF-8 byte order mark first (only when {@code charset} is UTF-8)
     * @param ownerOnly the file stays readable by its owner alone: for outputs that are still personal information
     */
    public static CsvOutput open(Path target, Charset charset, char delimiter, boolean bom, boolean ownerOnly) throws IOException {
        AtomicFiles.Pending p = ownerOnly ? AtomicFiles.openPrivate(target) : AtomicFiles.open(target);
        try {
            CsvOutput out = new CsvOutput(p, charset, delimiter == '\0' ? ',' : delimiter);
            if (bom && charset.equals(java.nio.charset.StandardCharsets.UTF_8)) {
                out.writer.write('\uFEFF');
            }
            return out;
        } catch (IOException | RuntimeException e) {
            p.close();
            throw e;
        }
    }

    public void write(List<String> record) throws IOException {
        try {
            csv.writeRecord(record);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public void write(String[] record) throws IOException {
        write(java.util.Arrays.asList(record));
    }

    /** Records already formatted as CSV (CRLF line ends) and encoded in this output's charset, e.g. on another thread. */
    public void writeEncoded(byte[] bytes, int length) throws IOException {
        try {
            csv.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.write(bytes, 0, length);
    }

    /** Puts the file in place and returns the SHA-256 of its bytes (lower-case hex). */
    public String commit() throws IOException {
        try {
            csv.close();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        sha256 = HexFormat.of().formatHex(digest.digest());
        pending.commit();
        return sha256;
    }

    /** Without a commit, the temporary file is removed and the target left as it was. */
    @Override
    public void close() throws IOException {
        pending.close();
    }
}
