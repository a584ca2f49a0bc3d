package dev.mamori.table;

import dev.mamori.report.Message;

import java.nio.file.Path;
import java.util.Locale;

/** Decides a format from a file name and the head of its content, or why the input is not one. */
final class Sniffer {

    private Sniffer() {
    }

    /** The format a name's extension implies, or null. */
    static Format byExtension(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "" : n.substring(dot + 1);
        return switch (ext) {
            case "csv", "tsv" -> Format.CSV;
            case "txt", "md", "log" -> Format.TEXT;
            case "xlsx" -> Format.XLSX;
            case "jsonl", "ndjson" -> Format.JSONL;
            default -> null;
        };
    }

    /** Why the head is not text we read (a binary or unsupported file), or null when it may be. */
    static Message binaryReason(Head head, Path file) {
        if (head.startsWith(0x50, 0x4B, 0x03, 0x04) || head.startsWith(0x50, 0x4B, 0x05, 0x06)) {
            // a .xlsx that does not open as a zip is read anyway, so its corruption is reported as such
            boolean named = file != null && file.getFileName() != null
                    && file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
            return file != null && (named || XlsxReader.isWorkbook(file)) ? null
                    : new Message("XLSX のブックではない ZIP アーカイブ", "ZIP archive that is not an XLSX workbook");
        }
        if (head.startsWith(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return new Message("OLE2 ファイル: 古い .xls は読めません。.xlsx で保存してください", "OLE2 file: legacy .xls is not supported; save as .xlsx");
        }
        if (head.startsWith('%', 'P', 'D', 'F')) {
            return new Message("PDF 文書", "PDF document");
        }
        if (head.startsWith(0x89, 'P', 'N', 'G')) {
            return new Message("PNG 画像", "PNG image");
        }
        if (head.startsWith(0xFF, 0xD8, 0xFF)) {
            return new Message("JPEG 画像", "JPEG image");
        }
        if (head.startsWith('G', 'I', 'F', '8')) {
            return new Message("GIF 画像", "GIF image");
        }
        if (head.startsWith(0x1F, 0x8B)) {
            return new Message("gzip アーカイブ", "gzip archive");
        }
        if (head.startsWith(0xCA, 0xFE, 0xBA, 0xBE)) {
            return new Message("Java のクラスファイル", "Java class file");
        }
        if (head.startsWith(0xFE, 0xFF) || head.startsWith(0xFF, 0xFE)) {
            return null; // UTF-16 text has NUL bytes
        }
        int firstNul = -1;
        int[] nuls = new int[2]; // at even and odd offsets
        for (int i = 0; i < head.length; i++) {
            if (head.bytes[i] == 0) {
                firstNul = firstNul < 0 ? i : firstNul;
                nuls[i & 1]++;
            }
        }
        if (firstNul < 0) {
            return null;
        }
        if (nuls[0] == 0 && nuls[1] >= 4 || nuls[1] == 0 && nuls[0] >= 4) {
            String utf16 = "UTF-16" + (nuls[0] == 0 ? "LE" : "BE");
            return new Message("バイト順マークのない " + utf16 + " のテキストのようです（1 バイトおきに NUL）。UTF-8 に変換するか、"
                    + "--encoding " + utf16 + " --input-format text で読んでください", utf16
                    + " text without a byte-order mark, it seems (NUL bytes at every other offset); convert it to UTF-8,"
                    + " or read it with --encoding " + utf16 + " --input-format text");
        }
        return new Message("バイナリファイル（" + firstNul + " バイト目に NUL）", "binary file (NUL byte at offset " + firstNul + ")");
    }

    static boolean isZip(Head head) {
        return head.startsWith(0x50, 0x4B, 0x03, 0x04);
    }

    /** For text with no telling extension: CSV when it parses as delimited with a steady field count. */
    static Format byContent(Head head) {
        Head.Encoding enc = CharsetSniffer.detect(head);
        DelimiterSniffer.Verdict v = DelimiterSniffer.sniff(head.text(enc), head.complete);
        return v.delimited(2) ? Format.CSV : Format.TEXT;
    }
}
