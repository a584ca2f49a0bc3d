package dev.mamori.table;

import dev.mamori.report.Message;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads one text-based input (TEXT, CSV, JSONL) from its head onwards. */
final class TextInput {

    private final DocumentReader.Options options;
    private final String name;
    private final Format format;
    private final DocumentVisitor visitor;

    TextInput(DocumentReader.Options options, String name, Format format, DocumentVisitor visitor) {
        this.options = options;
        this.name = name;
        this.format = format;
        this.visitor = visitor;
    }

    ReadSummary read(Head head) throws IOException {
        Problems problems = new Problems(name, visitor);
        if (head.length == 0) {
            problems.report(-1, 0, new Message("空のファイルです", "empty file"));
            return new ReadSummary(format, StandardCharsets.UTF_8, format == Format.CSV ? ',' : '\0', 0, 0);
        }
        Head.Encoding enc = encoding(options, head);
        char delimiter = format == Format.CSV ? delimiter(options, name, head, enc) : '\0';
        HeaderSniffer.Verdict verdict = format == Format.CSV ? verdict(options, head, enc, delimiter) : null;
        try (DecodingReader in = new DecodingReader(head.stream(enc.bomLength()), enc.charset(), enc.bomLength(), problems)) {
            long records = switch (format) {
                case CSV -> CsvTableReader.read(in, delimiter, headerRow(options, verdict), verdict.titles().size(),
                        verdict.titleWidth(), visitor, problems);
                case JSONL -> JsonlReader.read(in, visitor, problems, options.labeledJsonl());
                case TEXT -> LineScanner.scan(in, new TextChunks(visitor));
                case XLSX, XLS, ODS, DOCX, PPTX, PDF, EML, HTML, DOC, PPT, MSG, ODT, ODP, RTF, DATABASE -> throw new IllegalStateException(format + " is not read as text here");
            };
            problems.finish();
            return new ReadSummary(format, enc.charset(), delimiter, in.bytesRead(), records);
        }
    }

    /** What the head says of the table's first records: title lines (unless the user said there is no header), header or data. */
    static HeaderSniffer.Verdict verdict(DocumentReader.Options options, Head head, Head.Encoding enc, char delimiter) {
        return HeaderSniffer.sniff(head.text(enc), head.complete, delimiter, options.headerRow() && options.titleLines());
    }

    /** The first record after the title lines is the header: the user did not say otherwise and it does not look like data. */
    static boolean headerRow(DocumentReader.Options options, HeaderSniffer.Verdict verdict) {
        return options.headerRow() && !verdict.data();
    }

    /** The encoding the user gave, else the one the head tells. */
    static Head.Encoding encoding(DocumentReader.Options options, Head head) {
        return options.forceCharset() != null ? CharsetSniffer.forced(head, options.forceCharset()) : CharsetSniffer.detect(head);
    }

    static char delimiter(DocumentReader.Options options, String name, Head head, Head.Encoding enc) {
        if (options.forceDelimiter() != '\0') {
            return options.forceDelimiter();
        }
        if (DocumentReader.isTsv(name)) {
            return '\t';
        }
        DelimiterSniffer.Verdict v = DelimiterSniffer.sniff(head.text(enc), head.complete);
        return v.fields() > 1 ? v.delimiter() : ',';
    }
}
