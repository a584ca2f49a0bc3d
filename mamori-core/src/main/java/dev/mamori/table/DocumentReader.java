package dev.mamori.table;

import dev.mamori.report.Message;

import dev.mamori.report.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.List;

/**
 * Reads one input (CSV/TSV, XLSX or XLS, JSONL or plain text; or a document whose text {@link DocumentText} pulls out:
 * DOCX, DOC, PPTX, PPT, PDF, e-mail, Outlook .msg, HTML) as a stream, delivering decoded content to a
 * {@link DocumentVisitor}. Memory stays bounded whatever the size of a text, CSV or JSONL input. The format comes from
 * {@link Options#forceFormat()}, else the file extension, else the content; the character encoding
 * from {@link Options#forceCharset()}, else a BOM, else valid UTF-8, else detection (CP932, EUC-JP).
 * Undecodable bytes become U+FFFD and are reported with their byte offset. Never prints anything
 * and never modifies its input. Instances are immutable and may be shared between threads.
 */
public final class DocumentReader {

    /**
     * How to read.
     *
     * @param forceFormat  the format to read as, or null to choose by extension and content
     * @param forceCharset the encoding of text input, or null to detect it
     * @param labeledJsonl JSONL lines are {@code {"doc_id", "text"}} documents; when forceFormat is
     *                     null this also makes input without a telling extension JSONL
     * @param headerRow    the first row of a table is its header (true by default) unless it looks like
     *                     data (see the package documentation); false: it never is
     * @param forceDelimiter the CSV field delimiter, or '\0' to detect it (tab for .tsv files)
     * @param titleLines     with a header row: title lines above a table (会員名簿, 作成者：…) are told apart and delivered
     *                       as a table of their own before it (see the package documentation); for scanning, where they
     *                       must be read; off for de-identification, where a table is one table
     */
    public record Options(Format forceFormat, Charset forceCharset, boolean labeledJsonl, boolean headerRow,
                          char forceDelimiter, boolean titleLines) {
        /** Options with the delimiter detected. */
        public Options(Format forceFormat, Charset forceCharset, boolean labeledJsonl, boolean headerRow) {
            this(forceFormat, forceCharset, labeledJsonl, headerRow, '\0');
        }

        /** Options without title lines told apart. */
        public Options(Format forceFormat, Charset forceCharset, boolean labeledJsonl, boolean headerRow, char forceDelimiter) {
            this(forceFormat, forceCharset, labeledJsonl, headerRow, forceDelimiter, false);
        }

        /** Detect everything; tables have a header row, their first row (no title lines told apart). */
        public static Options defaults() {
            return new Options(null, null, false, true);
        }

        /** These options with title lines told apart, or not. */
        public Options withTitleLines(boolean titles) {
            return new Options(forceFormat, forceCharset, labeledJsonl, headerRow, forceDelimiter, titles);
        }
    }

    /** The names of a table's columns when it has no header row: {@code 列1}, {@code 列2}, …. */
    public static List<String> unnamedColumns(int width) {
        return HeaderSniffer.names(width);
    }

    /**
     * How a CSV file starts, as this reader would read it, for a reader of its records elsewhere (Spark's):
     *
     * @param charset          the encoding
     * @param delimiter        the field delimiter
     * @param titleLines       lines above the table (会員名簿, 作成日,…) told apart from it
     * @param header           the columns' names: the header row's cells, or {@code 列1}, {@code 列2} … when the first
     *                         record is data (or {@link Options#headerRow()} is false); null when no record is whole
     * @param headerRow        the first record after the title lines is the header
     * @param quotedLineBreaks a quoted field in the head holds a line break (its record spans lines)
     */
    public record CsvHead(Charset charset, char delimiter, int titleLines, List<String> header, boolean headerRow,
                          boolean quotedLineBreaks) {
    }

    /** {@link CsvHead} of a CSV/TSV file, from its first 64 KiB, with this reader's options (title lines always told apart). */
    public CsvHead csvHead(Path file) throws ReadException {
        String name = file.toString();
        requireRegular(file, name);
        Head head;
        try (InputStream in = Files.newInputStream(file)) {
            head = Head.read(in);
        } catch (IOException e) {
            throw cannotRead(name, e);
        }
        Head.Encoding enc = TextInput.encoding(options, head);
        char delimiter = TextInput.delimiter(options, name, head, enc);
        HeaderSniffer.Verdict verdict = TextInput.verdict(options.withTitleLines(true), head, enc, delimiter);
        boolean headerRow = TextInput.headerRow(options, verdict);
        List<String> first = verdict.first();
        List<String> header = first == null ? null : headerRow ? List.copyOf(first) : HeaderSniffer.names(first.size());
        boolean breaks = false;
        try (var records = CsvTableReader.builder(delimiter).ofCsvRecord(head.text(enc))) {
            for (var r : records) {
                for (String field : r.getFields()) {
                    breaks |= field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // a head cut inside a record: what was read so far decides
        }
        return new CsvHead(enc.charset(), delimiter, verdict.titles().size(), header, headerRow, breaks);
    }

    /**
     * The verdict of {@link #sniff}: the format to read a file as, or why to skip it.
     *
     * @param format     the format, or null when the file is to be skipped
     * @param skipReason why the file is skipped (binary, legacy .xls, ...), in both languages, or null
     */
    public record Sniff(Format format, Message skipReason) {
    }

    private final Options options;

    /** A reader with the given options (null means {@link Options#defaults()}). */
    public DocumentReader(Options options) {
        this.options = options == null ? Options.defaults() : options;
    }

    /**
     * Reads a file.
     *
     * @throws ReadException only when the file cannot be read at all: missing or unreadable, a pipe,
     *                       device or socket, a truncated or corrupt XLSX, a binary file with no
     *                       format forced
     */
    public ReadSummary read(Path file, DocumentVisitor v) throws ReadException {
        return read(file, file.toString(), v);
    }

    /**
     * Reads a file like {@link #read(Path, DocumentVisitor)}, naming it {@code name} in problems and messages (a file
     * taken out of an archive: {@code archive.zip!/名簿.xlsx}).
     */
    public ReadSummary read(Path file, String name, DocumentVisitor v) throws ReadException {
        String fileName = file.getFileName() == null ? name : file.getFileName().toString();
        Format format = options.forceFormat() != null ? options.forceFormat() : Sniffer.byExtension(fileName);
        requireRegular(file, name);
        try {
            if (format == null) {
                Sniff s = sniff(file);
                if (s.format() == null) {
                    throw notReadable(name, s);
                }
                format = options.labeledJsonl() && !s.format().isWorkbook() && !s.format().isDocument() ? Format.JSONL : s.format();
            } else if (options.forceFormat() == null) {
                format = asContentSays(file, name, format);
            }
            if (format.isWorkbook()) {
                return Files.size(file) == 0 ? empty(name, format, v) : workbook(file, name, format, v);
            }
            if (format.isDocument()) {
                return Files.size(file) == 0 ? empty(name, format, v) : DocumentText.read(file, name, format, options.forceCharset(), v);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return new TextInput(options, name, format, v).read(Head.read(in));
            }
        } catch (ReadException e) {
            throw e;
        } catch (IOException e) {
            throw cannotRead(name, e);
        }
    }

    /**
     * The format of a file whose name says an Office format, by its content where the two differ: a .xls or .doc that
     * is HTML or text (as web systems export "Excel" files), a .doc renamed .docx, a .xlsx that is a .xls.
     */
    private static Format asContentSays(Path file, String name, Format named) throws IOException, ReadException {
        if (!Sniffer.contentDecides(named) && !Sniffer.ooxml(named)) {
            return named;
        }
        if (Sniffer.ooxml(named)) {
            try (InputStream in = Files.newInputStream(file)) {
                if (!Sniffer.isOle2(Head.read(in))) {
                    return named; // a zip, or a file whose reader says why it is none
                }
            }
        }
        Sniff s = sniff(file);
        if (s.format() == null) {
            throw new ReadException(s.skipReason().after(name + ": ", name + ": "));
        }
        return s.format();
    }

    private ReadSummary workbook(Path file, String name, Format format, DocumentVisitor v) throws IOException, ReadException {
        Problems problems = new Problems(name, v);
        SheetRows.Header header = SheetRows.Header.of(options);
        long rows = format == Format.XLS ? XlsReader.read(file, name, header, v, problems)
                : format == Format.ODS ? OpenDocument.sheets(file, name, header, v, problems)
                : XlsxReader.read(file, name, header, v, problems);
        return new ReadSummary(format, null, '\0', Files.size(file), rows);
    }

    /**
     * Reads a file like {@link #read(Path, DocumentVisitor)}, but cuts a large CSV or plain-text input
     * (UTF-8, CP932, EUC-JP) into {@link Block}s of about 64 KiB at record boundaries and hands
     * them to {@code blocks} in order, so that they can be decoded and parsed on other threads. The
     * header (CSV), progress and the problems of the input as a whole go to {@code whole}; each block
     * reports its own rows and problems to the visitor given to {@link Block#read}. Inputs that cannot
     * be cut (XLSX, JSON Lines, UTF-16, small files) are read entirely into {@code whole}.
     */
    public ReadSummary readInBlocks(Path file, DocumentVisitor whole, Block.Sink blocks) throws ReadException {
        return readInBlocks(file, file.toString(), whole, blocks, BlockSplitter.BLOCK);
    }

    /** {@link #readInBlocks(Path, DocumentVisitor, Block.Sink)}, naming the file {@code name} in problems and messages. */
    public ReadSummary readInBlocks(Path file, String name, DocumentVisitor whole, Block.Sink blocks) throws ReadException {
        return readInBlocks(file, name, whole, blocks, BlockSplitter.BLOCK);
    }

    /** {@link #readInBlocks(Path, DocumentVisitor, Block.Sink)} with blocks of about {@code blockBytes} (at most 8 MB). */
    public ReadSummary readInBlocks(Path file, DocumentVisitor whole, Block.Sink blocks, int blockBytes) throws ReadException {
        return readInBlocks(file, file.toString(), whole, blocks, blockBytes);
    }

    private ReadSummary readInBlocks(Path file, String name, DocumentVisitor whole, Block.Sink blocks, int blockBytes)
            throws ReadException {
        if (blockBytes < 1024 || blockBytes > BlockSplitter.MAX_BLOCK) {
            throw new IllegalArgumentException("a block of " + blockBytes + " bytes");
        }
        Format format = options.forceFormat() != null ? options.forceFormat() : Sniffer.byExtension(file.getFileName() == null ? name : file.getFileName().toString());
        if (format != null && format != Format.CSV && format != Format.TEXT) {
            return read(file, name, whole);
        }
        requireRegular(file, name);
        try (InputStream in = Files.newInputStream(file)) {
            Head head = Head.read(in);
            if (format == null) {
                Sniff s = sniff(file);
                if (s.format() != Format.CSV && s.format() != Format.TEXT || options.labeledJsonl()) {
                    return read(file, name, whole);
                }
                format = s.format();
            }
            Head.Encoding enc = TextInput.encoding(options, head);
            if (!BlockSplitter.canCut(format, head, enc)) {
                return new TextInput(options, name, format, whole).read(head);
            }
            char delimiter = format == Format.CSV ? TextInput.delimiter(options, name, head, enc) : '\0';
            HeaderSniffer.Verdict verdict = format == Format.CSV ? TextInput.verdict(options, head, enc, delimiter) : null;
            boolean header = format == Format.CSV && TextInput.headerRow(options, verdict);
            return BlockSplitter.read(head, enc, format, delimiter, header, verdict, name, whole, blocks, blockBytes);
        } catch (ReadException e) {
            throw e;
        } catch (IOException e) {
            throw cannotRead(name, e);
        }
    }

    /**
     * Reads a stream such as standard input (by convention named {@code "-"}); the name is used in
     * problems and, by its extension, to choose the format. The stream is read once. XLSX input is
     * copied to a private temporary file first (the zip directory is at its end) and the copy deleted
     * afterwards, or when the JVM exits.
     */
    public ReadSummary read(InputStream in, String name, DocumentVisitor v) throws ReadException {
        try {
            Head head = Head.read(in);
            Format format = options.forceFormat() != null ? options.forceFormat() : Sniffer.byExtension(name);
            boolean binary = Sniffer.isZip(head) || Sniffer.isPdf(head) || Sniffer.isOle2(head);
            if (format == null && !binary) {
                format = options.labeledJsonl() ? Format.JSONL : Sniffer.byContent(head);
            }
            if (head.length == 0 && format != null && format.isDocument()) {
                return empty(name, format, v);
            }
            if (format == Format.EML || format == Format.HTML) {
                byte[] all = head.stream(0).readNBytes(DocumentText.MAX_IN_MEMORY + 1);
                if (all.length > DocumentText.MAX_IN_MEMORY) {
                    throw DocumentText.tooLarge(name);
                }
                return DocumentText.read(all, name, format, options.forceCharset(), v);
            }
            if (format != null && !format.isWorkbook() && !format.isDocument() || head.length == 0) {
                return new TextInput(options, name, format == null ? Format.TEXT : format, v).read(head);
            }
            Path tmp = AtomicFiles.scratch(null); // owner-only, removed at exit even if we are stopped
            try {
                try (InputStream all = head.stream(0); OutputStream copy = Files.newOutputStream(tmp)) {
                    all.transferTo(copy); // into the private file: replacing it would drop its owner-only mode
                }
                if (format == null || options.forceFormat() == null && Sniffer.isOle2(head)) { // by its content
                    format = Sniffer.isPdf(head) ? Format.PDF : Sniffer.isOle2(head) ? Sniffer.ole2(tmp) : Sniffer.office(tmp);
                    if (format == null) {
                        throw notReadable(name, new Sniff(null, Sniffer.binaryReason(head, null)));
                    }
                }
                return format.isWorkbook() ? workbook(tmp, name, format, v) : DocumentText.read(tmp, name, format, options.forceCharset(), v);
            } finally {
                AtomicFiles.delete(tmp);
            }
        } catch (ReadException e) {
            throw e;
        } catch (IOException e) {
            throw cannotRead(name, e);
        }
    }

    /**
     * The format to read a file found in a directory scan as, or empty with a reason to skip it:
     * binary content (NUL bytes; PNG, JPEG, GIF, gzip, Java class), a ZIP that is no Office document, an OLE2
     * file that is no .xls, .doc, .ppt or .msg, an encrypted Office file. Otherwise the format implied by the extension,
     * else by the content (a legacy Office name's too: a .xls that is HTML).
     *
     * Special files (pipes, devices, sockets) are skipped without being opened.
     *
     * @throws IOException when the file cannot be opened
     */
    public static Sniff sniff(Path file) throws IOException {
        Message special = special(file);
        if (special != null) {
            return new Sniff(null, special.plus("で、通常のファイルではありません", ", not a regular file"));
        }
        Head head;
        try (InputStream in = Files.newInputStream(file)) {
            head = Head.read(in);
        }
        Format byName = Sniffer.byExtension(file.getFileName() == null ? "" : file.getFileName().toString());
        if (Sniffer.isZip(head)) {
            Format office = Sniffer.office(file);
            return office != null || Sniffer.ooxml(byName) || Sniffer.odf(byName)
                    ? new Sniff(office != null ? office : byName, null) // a named one that does not open: its reader says why
                    : new Sniff(null, Sniffer.NOT_OFFICE);
        }
        if (Sniffer.isOle2(head)) {
            Format legacy = Sniffer.ole2(file);
            Message reason = legacy == null ? Sniffer.binaryReason(head, file) : null;
            // one named .xls, .doc, .ppt or .msg that does not open: its reader says why
            return reason == Sniffer.OTHER_OLE2 && Sniffer.isLegacy(byName) ? new Sniff(byName, null) : new Sniff(legacy, reason);
        }
        Message reason = Sniffer.binaryReason(head, file);
        if (reason != null) {
            return new Sniff(null, reason);
        }
        if (Sniffer.isPdf(head)) {
            return new Sniff(Format.PDF, null);
        }
        if (Sniffer.ooxml(byName)) {
            return head.length == 0 ? new Sniff(byName, null) : new Sniff(null,
                    new Message("ZIP ではないので " + byName + " のファイルではありません", "not a ZIP, so not " + (byName == Format.XLSX ? "an " : "a ") + byName + " file"));
        }
        return new Sniff(byName != null && !(Sniffer.contentDecides(byName) && head.length > 0) ? byName : Sniffer.byContent(head), null);
    }

    /**
     * How {@link #read(Path, DocumentVisitor)} would read a file, judged from its head alone: the format,
     * the encoding and, for CSV/TSV, the delimiter ({@code bytes} and {@code records} are 0). For writers
     * that must open their output, in the input's encoding, before the first row arrives.
     */
    public ReadSummary probe(Path file) throws ReadException {
        String name = file.toString();
        requireRegular(file, name);
        try {
            Format format = options.forceFormat() != null ? options.forceFormat() : Sniffer.byExtension(name);
            if (format == null) {
                Sniff s = sniff(file);
                if (s.format() == null) {
                    throw notReadable(name, s);
                }
                format = s.format();
            }
            if (format.isWorkbook() || format.isDocument()) {
                return new ReadSummary(format, null, '\0', 0, 0);
            }
            Head head;
            try (InputStream in = Files.newInputStream(file)) {
                head = Head.read(in);
            }
            Head.Encoding enc = TextInput.encoding(options, head);
            char delimiter = format == Format.CSV ? TextInput.delimiter(options, name, head, enc) : '\0';
            return new ReadSummary(format, enc.charset(), delimiter, 0, 0);
        } catch (ReadException e) {
            throw e;
        } catch (IOException e) {
            throw cannotRead(name, e);
        }
    }

    /**
     * Refuses a named pipe, device or socket before opening it: a pipe would be read for sniffing and
     * then opened again (hanging, and losing what its writer sent), a device may never end. Standard
     * input is read once, through {@link #read(InputStream, String, DocumentVisitor)}.
     */
    private static void requireRegular(Path file, String name) throws ReadException {
        Message special = special(file);
        if (special != null) {
            throw new ReadException(special.after(name + ": ", name + ": ").plus(
                    "で、通常のファイルではないので読みません（プログラムの出力を検査するには、標準入力に渡してください: ... | mamori scan -）",
                    ", not a regular file; not read (to scan what a program writes, pipe it to standard input: ... | mamori scan -)"));
        }
    }

    /** What kind of special file {@code file} is (following links), or null for a regular file, a directory or none. */
    static Message special(Path file) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException | RuntimeException e) {
            return null; // missing or unreadable: reading it says so
        }
        if (!a.isOther()) {
            return null;
        }
        try {
            int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
            return switch (type) {
                case 0010000 -> new Message("名前付きパイプ（FIFO）", "a named pipe (FIFO)");
                case 0020000 -> new Message("キャラクターデバイス", "a character device");
                case 0060000 -> new Message("ブロックデバイス", "a block device");
                case 0140000 -> new Message("ソケット", "a socket");
                default -> SPECIAL;
            };
        } catch (IOException | RuntimeException e) {
            return SPECIAL;
        }
    }

    /** A file that is neither regular nor a directory, of a kind not named. */
    static final Message SPECIAL = new Message("特殊なファイル", "a special file");

    static ReadException notReadable(String name, Sniff s) {
        return new ReadException(s.skipReason().after(name + ": 読める形式（テキスト・CSV・XLSX・XLS・ODS・JSONL・DOCX・DOC・ODT・RTF・PPTX・PPT・ODP・PDF・メール・Outlook の .msg・HTML）のファイルではありません: ",
                name + ": not a file of a format read here (text, CSV, XLSX, XLS, ODS, JSONL, DOCX, DOC, ODT, RTF, PPTX, PPT, ODP, PDF, e-mail, Outlook .msg, HTML): "));
    }

    /** An empty document: reported, nothing to read. */
    private static ReadSummary empty(String name, Format format, DocumentVisitor v) {
        new Problems(name, v).report(-1, 0, new Message("空のファイルです", "empty file"));
        return new ReadSummary(format, null, '\0', 0, 0);
    }

    /** The file cannot be read: why, after its name. */
    static ReadException cannotRead(String name, IOException e) {
        return new ReadException(Globs.reason(e).after(name + ": 読めません（", name + ": cannot read (").plus("）", ")"), e);
    }

    static boolean isTsv(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".tsv");
    }

}
