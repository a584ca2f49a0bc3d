package dev.mamori.table;

import dev.mamori.report.Message;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
            case "xls" -> Format.XLS;
            case "doc" -> Format.DOC;
            case "ppt", "pps" -> Format.PPT;
            case "msg" -> Format.MSG;
            case "ods", "ots", "fods" -> Format.ODS;
            case "odt", "ott", "fodt" -> Format.ODT;
            case "odp", "otp", "fodp" -> Format.ODP;
            case "rtf" -> Format.RTF;
            case "jsonl", "ndjson" -> Format.JSONL;
            case "docx", "docm" -> Format.DOCX;
            case "pptx", "pptm" -> Format.PPTX;
            case "pdf" -> Format.PDF;
            case "eml" -> Format.EML;
            case "html", "htm", "xhtml" -> Format.HTML;
            default -> null;
        };
    }

    /** A word as a POSIX shell reads it back: quoted unless it is plain. */
    private static String shellWord(String s) {
        return s.matches("[A-Za-z0-9_./:@%+=,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /** Why the head is not text we read (a binary or unsupported file), or null when it may be. */
    static Message binaryReason(Head head, Path file) {
        if (head.startsWith(0x50, 0x4B, 0x03, 0x04) || head.startsWith(0x50, 0x4B, 0x05, 0x06)) {
            // a .xlsx, .docx or .pptx that does not open as a zip is read anyway, so its corruption is reported as such
            Format named = file == null || file.getFileName() == null ? null : byExtension(file.getFileName().toString());
            return file != null && (ooxml(named) || office(file) != null) ? null : NOT_OFFICE;
        }
        if (isPdf(head)) {
            return null; // its text layer is read
        }
        if (isOle2(head) && encryptedOoxml(head)) {
            return new Message("パスワードで保護された Office 文書（暗号化された .docx・.xlsx・.pptx）は読めません。パスワードを外してから検査してください",
                    "a password-protected Office document (an encrypted .docx, .xlsx or .pptx): not read; remove the password, then scan it");
        }
        if (isOle2(head)) {
            return file != null && ole2(file) != null ? null : OTHER_OLE2;
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
        if (head.startsWith('S', 'Q', 'L', 'i', 't', 'e', ' ', 'f', 'o', 'r', 'm', 'a', 't', ' ', '3', 0)) {
            String url = shellWord("jdbc:sqlite:" + (file == null ? "FILE" : file.toAbsolutePath()));
            return new Message("SQLite のデータベース。データベースとして検査してください: mamori scan " + url + " --jdbc-driver sqlite-jdbc.jar",
                    "a SQLite database; scan it as a database: mamori scan " + url + " --jdbc-driver sqlite-jdbc.jar");
        }
        if (head.startsWith('H', ':', '2', ',')) { // an H2 MVStore file's header
            String f = file == null ? "FILE.mv.db" : file.toAbsolutePath().toString();
            if (!f.endsWith(".mv.db") || f.contains(";") || f.contains("\\")) { // H2 opens only NAME.mv.db, and splits at ;
                return new Message("H2 のデータベース。H2 が開けるように NAME.mv.db という名前（; や \\ のない）に複製し、mamori scan jdbc:h2:/…/NAME で検査してください",
                        "an H2 database; H2 opens it only as NAME.mv.db (with no ; or \\ in the path): copy it so, then scan it with mamori scan jdbc:h2:/…/NAME");
            }
            String url = shellWord("jdbc:h2:" + f.substring(0, f.length() - 6));
            return new Message("H2 のデータベース。データベースとして検査してください: mamori scan " + url,
                    "an H2 database; scan it as a database: mamori scan " + url);
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

    /** An OLE2 container with the stream an encrypted Office Open XML file keeps its key data in (EncryptionInfo). */
    private static boolean encryptedOoxml(Head head) {
        byte[] name = "EncryptionInfo".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        outer:
        for (int i = 0; i + name.length <= head.length; i++) {
            for (int k = 0; k < name.length; k++) {
                if (head.bytes[i + k] != name[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** A zip that is no Office Open XML document: skipped, with this reason. */
    static final Message NOT_OFFICE = new Message("Office 文書（XLSX・DOCX・PPTX・ODS・ODT・ODP）ではない ZIP アーカイブ",
            "ZIP archive that is not an Office document (XLSX, DOCX, PPTX, ODS, ODT, ODP)");

    /** XLSX, DOCX or PPTX: a zip of Office Open XML parts. */
    static boolean ooxml(Format f) {
        return f == Format.XLSX || f == Format.DOCX || f == Format.PPTX;
    }

    /** ODS, ODT or ODP: an OpenDocument package (a zip) or flat file (XML). */
    static boolean odf(Format f) {
        return f == Format.ODS || f == Format.ODT || f == Format.ODP;
    }

    /** An OLE2 file that is no workbook, document, presentation or message read here: skipped, with this reason. */
    static final Message OTHER_OLE2 = new Message("OLE2 ファイルですが、.xls・.doc・.ppt・.msg のいずれでもありません（Visio・Publisher・Thumbs.db など）",
            "OLE2 file that is not a .xls, .doc, .ppt or .msg (a Visio or Publisher file, Thumbs.db, …)");

    /** Formats of the OLE2 files of Office 97–2003 and Outlook, named by an extension that the content may belie. */
    static boolean isLegacy(Format f) {
        return f == Format.XLS || f == Format.DOC || f == Format.PPT || f == Format.MSG;
    }

    /**
     * Formats whose name the content often belies, so that the content decides: the legacy ones, and RTF (a .doc saved
     * as RTF, a text or a Word file renamed .rtf).
     */
    static boolean contentDecides(Format f) {
        return isLegacy(f) || f == Format.RTF;
    }

    /** An RTF file's head: {@code {\rtf}, after blanks. */
    static boolean isRtf(String head) {
        return head.stripLeading().startsWith("{\\rtf");
    }

    /**
     * Which legacy Office file an OLE2 file is, by the streams at its root (Workbook, WordDocument, PowerPoint Document,
     * an Outlook message's property streams); null when none, when it is an encrypted Office Open XML file, or when it
     * does not open.
     */
    static Format ole2(Path file) {
        try (var fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem(file.toFile(), true)) {
            return ole2(fs.getRoot());
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@link #ole2(Path)} of a file in memory (an attachment, an embedded object). */
    static Format ole2(byte[] bytes) {
        try (var fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem(new java.io.ByteArrayInputStream(bytes))) {
            return ole2(fs.getRoot());
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    static Format ole2(org.apache.poi.poifs.filesystem.DirectoryNode root) {
        if (root.hasEntry("EncryptionInfo")) {
            return null;
        }
        if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntry("Book")) {
            return Format.XLS;
        }
        if (root.hasEntry("WordDocument")) {
            return Format.DOC;
        }
        if (root.hasEntry("PowerPoint Document")) {
            return Format.PPT;
        }
        for (String n : root.getEntryNames()) {
            if (n.startsWith("__substg1.0_")) {
                return Format.MSG;
            }
        }
        return null;
    }

    /** An OLE2 compound file: a legacy .xls, .doc, .ppt or .msg, or an encrypted Office Open XML file. */
    static boolean isOle2(Head head) {
        return head.startsWith(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);
    }

    static boolean isZip(Head head) {
        return head.startsWith(0x50, 0x4B, 0x03, 0x04);
    }

    /** For text with no telling extension: CSV when it parses as delimited with a steady field count. */
    static Format byContent(Head head) {
        Head.Encoding enc = CharsetSniffer.detect(head);
        String text = head.text(enc);
        if (isHtml(text)) {
            return Format.HTML;
        }
        if (SpreadsheetMl.is(text)) {
            return Format.XLS; // Excel 2003 XML, as web systems export "Excel" files
        }
        if (isRtf(text)) {
            return Format.RTF;
        }
        Format flat = OpenDocument.flat(text);
        if (flat != null) {
            return flat;
        }
        if (isMail(text)) {
            return Format.EML;
        }
        DelimiterSniffer.Verdict v = DelimiterSniffer.sniff(text, head.complete);
        return v.delimited(2) && !(v.delimiter() == '\t' && chatLog(text)) ? Format.CSV : Format.TEXT;
    }

    private static final java.util.regex.Pattern CHAT_LINE = java.util.regex.Pattern.compile("(?:[01]?\\d|2[0-3]):[0-5]\\d\t");

    /**
     * A chat export with tabs (LINE's: 10:09⇥ゆか⇥口座送るね): most lines start with a time and a tab, the first one too, so
     * there is no header; read as text, whose speakers and messages the recognizers read line by line, not as a table.
     */
    static boolean chatLog(String text) {
        int lines = 0;
        int timed = 0;
        for (String line : text.split("\n", 200)) {
            if (!line.isBlank()) {
                lines++;
                timed += CHAT_LINE.matcher(line).lookingAt() ? 1 : 0;
            }
        }
        return lines > 0 && CHAT_LINE.matcher(text.stripLeading()).lookingAt() && timed * 10 >= lines * 8;
    }

    static boolean isPdf(Head head) {
        return head.startsWith('%', 'P', 'D', 'F', '-');
    }

    /** Each Office Open XML document's main part. */
    private static final java.util.Map<String, Format> MAIN_PARTS = java.util.Map.of("xl/workbook.xml", Format.XLSX,
            "word/document.xml", Format.DOCX, "ppt/presentation.xml", Format.PPTX);

    /**
     * Which Office Open XML document a zip holds, by its main part, or which OpenDocument package, by its mimetype entry;
     * null when none (or not a zip).
     */
    static Format office(Path file) {
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            for (var part : MAIN_PARTS.entrySet()) {
                if (zip.getEntry(part.getKey()) != null) {
                    return part.getValue();
                }
            }
            return OpenDocument.ofPackage(zip);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** {@link #office(Path)} of a zip in memory (an attachment). */
    static Format office(byte[] zip) {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Format f = e.getName().equals("mimetype")
                        ? OpenDocument.byMediaType(new String(in.readNBytes(200), java.nio.charset.StandardCharsets.US_ASCII))
                        : MAIN_PARTS.get(e.getName());
                if (f != null) {
                    return f;
                }
            }
            return null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** An HTML page: {@code <!DOCTYPE html>} or {@code <html} first, after blanks, comments and an XML declaration. */
    static boolean isHtml(String text) {
        String t = text.stripLeading();
        if (t.startsWith("<?xml") && t.indexOf("?>") > 0) {
            t = t.substring(t.indexOf("?>") + 2).stripLeading();
        }
        while (t.startsWith("<!--") && t.indexOf("-->") > 0) {
            t = t.substring(t.indexOf("-->") + 3).stripLeading();
        }
        String lower = t.substring(0, Math.min(t.length(), 20)).toLowerCase(Locale.ROOT);
        return lower.startsWith("<!doctype html") || lower.startsWith("<html");
    }

    /** The separator line an mbox file puts before each mail ({@code From sender date}). */
    static final Pattern MBOX = Pattern.compile("From \\S+ [^\\n]*\\r?\\n");
    private static final Pattern FIELD = Pattern.compile("([A-Za-z][A-Za-z0-9-]*):([ \\t].*)?|[ \\t]+\\S.*");
    private static final Set<String> ORIGIN = Set.of("from", "received", "return-path", "delivered-to");
    private static final Set<String> MESSAGE = Set.of("date", "subject", "message-id", "mime-version", "to");

    /**
     * A mail as a mail store keeps it (an .eml, a Maildir or MH file): header fields up to a blank line, the first of
     * them a field, one saying where the mail came from (From, Received, Return-Path, Delivered-To) and one of the
     * message's own (Date, Subject, Message-ID, MIME-Version, To); or an mbox whose first mail is such. A memo that starts
     * so is read as a mail too, which loses nothing: its header lines and its body are read as text.
     */
    static boolean isMail(String text) {
        if (MBOX.matcher(text).lookingAt()) {
            return isMail(text.substring(text.indexOf('\n') + 1)); // an mbox (Thunderbird's Inbox): its first mail
        }
        boolean origin = false;
        boolean message = false;
        int start = 0;
        for (int n = 0; n < 500; n++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                return false; // no end of the header block in the head
            }
            String line = text.substring(start, nl > start && text.charAt(nl - 1) == '\r' ? nl - 1 : nl);
            if (line.isEmpty()) {
                return n >= 2 && origin && message;
            }
            Matcher m = FIELD.matcher(line);
            if (!m.matches() || n == 0 && m.group(1) == null) {
                return false;
            }
            if (m.group(1) != null) {
                String name = m.group(1).toLowerCase(Locale.ROOT);
                origin |= ORIGIN.contains(name);
                message |= MESSAGE.contains(name);
            }
            start = nl + 1;
        }
        return false;
    }
}
