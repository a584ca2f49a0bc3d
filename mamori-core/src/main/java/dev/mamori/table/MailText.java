package dev.mamori.table;

import dev.mamori.report.Message;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The text of a mail (RFC 5322 with MIME) for {@link DocumentText}: its address headers and subject decoded, a blank
 * line, its text parts (text/plain rather than its text/html alternative), attached mails and attachments of the
 * formats read here or of text, each after a line {@code 添付ファイル N}. Jakarta Mail parses it; written here is which
 * parts are read and how Japanese mail is decoded as mailers really write it ({@link #WIDER}, {@link #eightBit}).
 */
final class MailText {

    /** Parts inside parts (multiparts, attached mails and their attachments): deeper than this is not read. */
    private static final int MAX_PARTS_DEPTH = 50;

    private MailText() {
    }

    static void read(byte[] bytes, String name, DocumentText.Lines lines, Problems problems, int depth) throws IOException, ReadException {
        List<byte[]> mails = mbox(bytes);
        if (mails != null) {
            for (int i = 0; i < mails.size(); i++) {
                lines.add("メール " + (i + 1));
                try {
                    one(mails.get(i), name, lines, problems, depth);
                } catch (ReadException e) { // one broken mail of a mailbox: said, and the others read
                    String why = (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName();
                    problems.unread(-1, 0, new Message("メール " + (i + 1) + " を読めません（" + why + "）", "mail " + (i + 1) + " cannot be read (" + why + ")"));
                }
            }
            return;
        }
        one(bytes, name, lines, problems, depth);
    }

    /**
     * The mails of an mbox file (as Thunderbird and Unix mail keep a folder): each starts after a line {@code From …}
     * at the file's start or after a blank line; a body's own ">From" lines are unquoted. Null when the bytes are no mbox.
     */
    static List<byte[]> mbox(byte[] bytes) {
        String ascii = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
        if (!Sniffer.MBOX.matcher(ascii).lookingAt()) {
            return null;
        }
        List<byte[]> mails = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= bytes.length; i++) {
            boolean separator = i < bytes.length && (i == 0 || i >= 2 && bytes[i - 1] == '\n' && (bytes[i - 2] == '\n'
                    || i >= 3 && bytes[i - 2] == '\r' && bytes[i - 3] == '\n')) && startsWith(bytes, i, "From ");
            if (separator || i == bytes.length) {
                if (start >= 0) {
                    mails.add(unquoted(java.util.Arrays.copyOfRange(bytes, start, i)));
                }
                if (separator) {
                    int nl = i;
                    while (nl < bytes.length && bytes[nl] != '\n') {
                        nl++;
                    }
                    start = Math.min(bytes.length, nl + 1);
                    i = nl;
                }
            }
        }
        return mails;
    }

    private static boolean startsWith(byte[] b, int at, String s) {
        if (at + s.length() > b.length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (b[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** mboxrd's quoting undone: a body line ">From " (or ">>From ") loses one ">". */
    private static byte[] unquoted(byte[] mail) {
        String s = new String(mail, StandardCharsets.ISO_8859_1).replaceAll("(?m)^>(>*From )", "$1");
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void one(byte[] bytes, String name, DocumentText.Lines lines, Problems problems, int depth) throws IOException, ReadException {
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
            message(m, name, lines, problems, depth);
        } catch (MessagingException | RuntimeException e) { // Jakarta Mail throws unchecked exceptions on some broken mail too
            // the exception's class only: its message quotes the header it refused, which may hold personal data
            String why = e.getClass().getSimpleName();
            throw new ReadException(new Message(name + ": 読めるメールではありません（壊れているか途中で切れています）: " + why,
                    name + ": not a readable e-mail (corrupt or truncated): " + why), e);
        }
    }

    private static final String[] ADDRESS_HEADERS = {"From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Return-Path", "Delivered-To",
        "X-Original-To", "Disposition-Notification-To", "Resent-From", "Resent-To"};

    private static void message(MimeMessage m, String name, DocumentText.Lines lines, Problems problems, int depth) throws MessagingException, IOException {
        for (String h : ADDRESS_HEADERS) {
            String[] raw = m.getHeader(h);
            if (raw == null) {
                continue;
            }
            for (String value : raw) {
                lines.add(h + ": " + addresses(header(value)));
            }
        }
        String[] subject = m.getHeader("Subject");
        if (subject != null) {
            lines.add("Subject: " + decoded(header(jakarta.mail.internet.MimeUtility.unfold(subject[0]))));
        }
        lines.add("");
        body(m, name, lines, problems, depth, new int[1]);
    }

    /** A header's value ready to decode: its raw 8-bit bytes in their encoding, its encoded words' charsets widened. */
    private static String header(String value) {
        return wider(eightBit(value));
    }

    /**
     * A header written in raw 8-bit Japanese instead of encoded words (as many mailers and most spam do): Jakarta Mail
     * reads its bytes as Latin-1; they are decoded again in their encoding (UTF-8, CP932 or EUC-JP, detected).
     */
    private static String eightBit(String value) {
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value; // already decoded
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return value;
        }
        try {
            return CharsetSniffer.decode(new ByteArrayInputStream(value.getBytes(StandardCharsets.ISO_8859_1)), null, Integer.MAX_VALUE);
        } catch (IOException e) {
            return value; // not from a byte array
        }
    }

    /** The addresses of a header, their display names decoded; the header as it is when it does not parse. */
    private static String addresses(String value) {
        try {
            StringBuilder b = new StringBuilder();
            for (Address a : InternetAddress.parseHeader(value, false)) {
                b.append(b.length() == 0 ? "" : ", ");
                if (a instanceof InternetAddress ia && ia.getPersonal() != null) {
                    b.append(ia.getPersonal()).append(" <").append(ia.getAddress()).append('>'); // the name as written, unquoted
                } else {
                    b.append(a instanceof InternetAddress ia ? ia.getAddress() : a.toString());
                }
            }
            return b.toString();
        } catch (MessagingException e) {
            return decoded(value);
        }
    }

    private static String decoded(String value) {
        try {
            return jakarta.mail.internet.MimeUtility.decodeText(value);
        } catch (IOException e) {
            return value;
        }
    }

    private static void body(Part p, String name, DocumentText.Lines lines, Problems problems, int depth, int[] attachments)
            throws IOException {
        if (depth > MAX_PARTS_DEPTH) {
            problems.unread(-1, 0, new Message("入れ子が深すぎるパートがあり、読んでいません", "a part nested too deep; not read"));
            return;
        }
        try {
            part(p, name, lines, problems, depth, attachments);
        } catch (MessagingException | IOException | RuntimeException e) { // the mail is in memory: an IOException is a decoding's
            // a part that does not parse (a broken boundary, a header Jakarta Mail refuses): its bytes read as text, and
            // said; never the exception's message, which quotes headers (a file's name may be personal data)
            problems.unread(-1, 0, new Message("パートの一つが MIME として壊れているため（" + e.getClass().getSimpleName()
                    + "）、そのままの文字として読みました。中の符号化された添付ファイルは読めていません",
                    "a part is broken MIME (" + e.getClass().getSimpleName() + "); read as raw text, its encoded attachments not read"));
            lines.add(raw(p));
        }
    }

    private static void part(Part p, String name, DocumentText.Lines lines, Problems problems, int depth, int[] attachments)
            throws MessagingException, IOException {
        String type = type(p);
        String file = fileName(p);
        boolean attached = file != null || disposition(p).equals(Part.ATTACHMENT);
        if (type.equals("multipart/alternative") && p.getContent() instanceof Multipart alt) {
            Part best = alt.getCount() == 0 ? null : alt.getBodyPart(0);
            for (int i = 0; i < alt.getCount(); i++) {
                if (type(alt.getBodyPart(i)).equals("text/plain")) {
                    best = alt.getBodyPart(i);
                }
            }
            if (best != null) {
                body(best, name, lines, problems, depth + 1, attachments);
            }
        } else if (type.startsWith("multipart/") && p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                body(child, name, lines, problems, depth + 1, attachments);
            }
        } else if (type.equals("message/rfc822") && p.getContent() instanceof MimeMessage inner) {
            lines.add("添付ファイル " + ++attachments[0]);
            message(inner, name, lines, problems, depth + 1);
        } else if (!attached && (type.equals("text/plain") || type.equals("text/html"))) {
            String text = text(p, problems);
            if (type.equals("text/html")) {
                HtmlText.read(text, lines);
            } else {
                lines.add(text);
            }
        } else {
            attachment(p, type, file, name, lines, problems, depth, ++attachments[0]);
        }
    }

    /** The part's media type, lower case, without parameters; octet-stream when it has none. */
    private static String type(Part p) {
        try {
            String ct = p.getContentType();
            return ct == null ? "text/plain" : ct.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            return "application/octet-stream";
        }
    }

    /** attachment, inline or empty, read leniently. */
    private static String disposition(Part p) {
        try {
            String[] d = p.getHeader("Content-Disposition");
            return d == null ? "" : d[0].split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            return "";
        }
    }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile(
            "(?i)(?:^|;)\\s*(?:file)?name(\\*)?\\s*=\\s*(?:\"([^\"]*)\"?|([^;]*))");

    /**
     * The attachment's file name, decoded (RFC 2047 and 2231); read leniently when Jakarta Mail refuses the header, as
     * scanners and scripts write it ({@code filename=Scan 2024-04-01 10-23.pdf}, unquoted, with blanks).
     */
    private static String fileName(Part p) {
        try {
            String f = p.getFileName();
            return f == null ? null : decoded(header(f));
        } catch (MessagingException | RuntimeException e) {
            for (String h : new String[] {"Content-Disposition", "Content-Type"}) {
                try {
                    String[] v = p.getHeader(h);
                    java.util.regex.Matcher m = v == null ? null : NAME.matcher(jakarta.mail.internet.MimeUtility.unfold(v[0]));
                    if (m != null && m.find()) {
                        String value = (m.group(2) != null ? m.group(2) : m.group(3)).strip();
                        return m.group(1) != null ? rfc2231(value) : decoded(header(value));
                    }
                } catch (MessagingException ignored) {
                    // no such header
                }
            }
            return null;
        }
    }

    /** {@code charset'lang'percent-encoded} (RFC 2231). */
    private static String rfc2231(String value) {
        String[] parts = value.split("'", 3);
        if (parts.length < 3) {
            return value;
        }
        try {
            String cs = WIDER.getOrDefault(parts[0].toLowerCase(Locale.ROOT), parts[0]);
            return java.net.URLDecoder.decode(parts[2].replace("+", "%2B"), Charset.forName(cs));
        } catch (RuntimeException e) {
            return value;
        }
    }

    /** A broken part's bytes as text (decoded from base64 or quoted-printable when that works). */
    private static String raw(Part p) {
        try (InputStream in = p instanceof jakarta.mail.internet.MimePart mp ? rawStream(mp) : p.getInputStream()) {
            return CharsetSniffer.decode(in, null, DocumentText.MAX_IN_MEMORY);
        } catch (MessagingException | IOException e) {
            return "";
        }
    }

    private static InputStream rawStream(jakarta.mail.internet.MimePart p) throws MessagingException, IOException {
        if (p instanceof jakarta.mail.internet.MimeBodyPart b) {
            return b.getRawInputStream();
        }
        if (p instanceof MimeMessage m) {
            return m.getRawInputStream();
        }
        return p.getInputStream();
    }

    /**
     * The Japanese charsets as mailers really use them: mail labelled ISO-2022-JP or Shift_JIS is mostly written by
     * Windows' encoders, with NEC's and IBM's extensions (①, ㈱, 髙, 﨑) and Microsoft's mapping of ～ and －, which Java's
     * decoders of those names turn into U+FFFD or other characters. Their supersets decode both.
     */
    private static final java.util.Map<String, String> WIDER = java.util.Map.of("iso-2022-jp", "x-windows-iso2022jp",
            "shift_jis", "windows-31j", "shift-jis", "windows-31j", "sjis", "windows-31j", "x-sjis", "windows-31j", "cp932", "windows-31j",
            "ms932", "windows-31j");
    private static final java.util.regex.Pattern ENCODED_WORD_CHARSET = java.util.regex.Pattern.compile("=\\?([A-Za-z0-9._+-]+)((?:\\*[A-Za-z0-9-]*)?\\?[BbQq]\\?)");
    /** Where an encoded word starts glued to the text before it. */
    private static final java.util.regex.Pattern GLUED = java.util.regex.Pattern.compile("(?<=[^\\s?])(?=" + ENCODED_WORD_CHARSET.pattern() + ")");

    /**
     * A header's encoded words with their charsets widened ({@link #WIDER}), and set apart from text glued to them
     * ({@code Re:=?…?=}), which Jakarta Mail's strict decoding otherwise leaves encoded.
     */
    private static String wider(String header) {
        java.util.regex.Matcher m = ENCODED_WORD_CHARSET.matcher(GLUED.matcher(header).replaceAll(" "));
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String w = WIDER.get(m.group(1).toLowerCase(Locale.ROOT));
            m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(w == null ? m.group() : "=?" + w + m.group(2)));
        }
        return m.appendTail(b).toString();
    }

    /** A text part decoded by its charset (widened); by detection when the charset is unknown to Java (reported). */
    private static String text(Part p, Problems problems) throws MessagingException, IOException {
        String text = decodedText(p, problems);
        String[] ct = p.getHeader("Content-Type");
        String params = ct == null ? "" : ct[0].toLowerCase(Locale.ROOT);
        return params.matches("(?s).*format\\s*=\\s*\"?flowed.*") ? unflowed(text, params.matches("(?s).*delsp\\s*=\\s*\"?yes.*")) : text;
    }

    /**
     * format=flowed (RFC 3676): a line ending in a blank goes on in the next, as the mailer wrapped it (a name or an
     * address cut at 72 characters); with DelSp=yes the blank was added by the wrapping and goes.
     */
    static String unflowed(String text, boolean delSp) {
        StringBuilder b = new StringBuilder(text.length());
        for (String line : text.split("\r?\n", -1)) {
            boolean soft = line.endsWith(" ") && !line.equals("-- "); // the signature's separator is a hard break
            String l = line.startsWith(" ") ? line.substring(1) : line; // space-stuffing
            b.append(soft && delSp ? l.substring(0, l.length() - 1) : l).append(soft ? "" : "\n");
        }
        return b.toString();
    }

    private static String decodedText(Part p, Problems problems) throws MessagingException, IOException {
        String charset = charset(p);
        String wide = charset == null ? null : WIDER.get(charset.toLowerCase(Locale.ROOT));
        if (wide != null) {
            try (InputStream in = p.getInputStream()) {
                return new String(in.readAllBytes(), Charset.forName(wide));
            }
        }
        if (charset == null || charset.equalsIgnoreCase("us-ascii")) {
            return detected(p); // no charset said (or ASCII said of 8-bit text): as a text file's is found
        }
        try {
            Object content = p.getContent();
            if (content instanceof String s) {
                return s;
            }
        } catch (java.io.UnsupportedEncodingException e) {
            problems.report(-1, 0, new Message("本文の文字コード（" + e.getMessage() + "）を Java が知らないため、推測して読みました",
                    "a text part's charset (" + e.getMessage() + ") is unknown to Java; read with a guessed one"));
        }
        return detected(p);
    }

    private static String detected(Part p) throws MessagingException, IOException {
        try (InputStream in = p.getInputStream()) {
            return CharsetSniffer.decode(in, null, DocumentText.MAX_IN_MEMORY);
        }
    }

    private static String charset(Part p) {
        try {
            return p.getContentType() == null ? null : new jakarta.mail.internet.ContentType(p.getContentType()).getParameter("charset");
        } catch (MessagingException e) {
            return null;
        }
    }

    /** What a media type says an attachment is, when its file name does not. */
    private static final java.util.Map<String, Format> BY_TYPE = java.util.Map.ofEntries(
            java.util.Map.entry("application/pdf", Format.PDF), java.util.Map.entry("text/html", Format.HTML),
            java.util.Map.entry("message/rfc822", Format.EML),
            java.util.Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Format.DOCX),
            java.util.Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", Format.PPTX),
            java.util.Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Format.XLSX),
            java.util.Map.entry("application/msword", Format.DOC), java.util.Map.entry("application/vnd.ms-excel", Format.XLS),
            java.util.Map.entry("application/vnd.ms-powerpoint", Format.PPT), java.util.Map.entry("application/vnd.ms-outlook", Format.MSG),
            java.util.Map.entry("application/vnd.oasis.opendocument.spreadsheet", Format.ODS),
            java.util.Map.entry("application/vnd.oasis.opendocument.text", Format.ODT),
            java.util.Map.entry("application/vnd.oasis.opendocument.presentation", Format.ODP),
            java.util.Map.entry("application/rtf", Format.RTF), java.util.Map.entry("text/rtf", Format.RTF));

    private static void attachment(Part p, String type, String file, String name, DocumentText.Lines lines, Problems problems,
                                   int depth, int n) throws MessagingException, IOException {
        String where = "添付ファイル " + n + "（" + type + "）";
        String whereEn = "attachment " + n + " (" + type + ")";
        if (type.startsWith("image/") && (disposition(p).equals(Part.INLINE) || p.getHeader("Content-ID") != null)) {
            // a picture in an HTML mail's body (a logo, a signature's icon): said, but not as unread, or every
            // business mail would fail a --fail-on gate
            problems.report(-1, 0, new Message(where + "は本文中の画像のため、文字としては読んでいません",
                    whereEn + " is a picture in the body; not read as text"));
            return;
        }
        if (!opened(named(file, type), type)) { // an image, an archive, …: not opened
            problems.unread(-1, 0, new Message(where + "はこの形式を読めないため検査していません", whereEn + " is of a kind not read; not scanned"));
            return;
        }
        byte[] bytes;
        try (InputStream in = p.getInputStream()) {
            bytes = in.readNBytes(DocumentText.MAX_IN_MEMORY + 1);
        } catch (IOException e) { // base64 or quoted-printable cut short or broken; its message quotes the content
            problems.unread(-1, 0, new Message(where + "の符号化が壊れているため（途中で切れている?）読めません",
                    whereEn + " cannot be decoded (cut short?); not read"));
            return;
        }
        attached(bytes, file, type, n, () -> {
            try {
                return text(p, problems);
            } catch (MessagingException | IOException e) {
                throw new java.io.UncheckedIOException(new IOException(e.getClass().getSimpleName()));
            }
        }, lines, problems, depth);
    }

    /** The format an attachment's file name, else its media type, names; null when neither does. */
    private static Format named(String file, String type) {
        Format format = file == null ? null : Sniffer.byExtension(file);
        return format != null ? format : BY_TYPE.get(type);
    }

    /** Text by its media type or by its name (.txt .md .log .csv .tsv). */
    private static boolean isText(Format format, String type) {
        return type.startsWith("text/") || format == Format.TEXT || format == Format.CSV;
    }

    /** Worth opening: of a format read here, text, or of no type said (then its content decides). */
    private static boolean opened(Format format, String type) {
        return format != null || isText(format, type) || type.equals("application/octet-stream") || type.equals("application/x-unknown");
    }

    /**
     * An attachment's bytes (of a mail, or of an Outlook message): read in the format its file name, else its media type,
     * else its content says, after a line {@code 添付ファイル N}; as text when it is text ({@code asText} decodes it); said
     * unread otherwise.
     */
    static void attached(byte[] bytes, String file, String type, int n, java.util.function.Supplier<String> asText,
                         DocumentText.Lines lines, Problems problems, int depth) throws IOException {
        String where = "添付ファイル " + n + "（" + type + "）";
        String whereEn = "attachment " + n + " (" + type + ")";
        Format format = named(file, type);
        boolean text = isText(format, type);
        Message notRead = new Message(where + "はこの形式を読めないため検査していません", whereEn + " is of a kind not read; not scanned");
        if (!opened(format, type)) { // an image, an archive, …: not opened
            problems.unread(-1, 0, notRead);
            return;
        }
        if (bytes.length > DocumentText.MAX_IN_MEMORY) {
            problems.unread(-1, 0, new Message(where + "は大きすぎるため読んでいません", whereEn + " is too large; not read"));
            return;
        }
        if (format == null || format == Format.TEXT && !type.startsWith("text/") || Sniffer.contentDecides(format)) { // by content
            Head head = Head.read(new ByteArrayInputStream(bytes));
            format = Sniffer.isPdf(head) ? Format.PDF : Sniffer.isZip(head) ? Sniffer.office(bytes)
                    : Sniffer.isOle2(head) ? Sniffer.ole2(bytes) : Sniffer.contentDecides(format) ? Sniffer.byContent(head) : format;
        }
        if (format != null && (format.isDocument() || format.isWorkbook())) {
            lines.add("添付ファイル " + n);
            String inner = "attachment " + n;
            try {
                DocumentText.part(bytes, inner, format, null, lines, problems, depth + 1);
            } catch (ReadException e) {
                String prefix = inner + ": "; // the reason alone, after this message's own place
                problems.unread(-1, 0, new Message(where + "を読めません: " + e.text().ja().replace(prefix, ""),
                        whereEn + " cannot be read: " + e.text().en().replace(prefix, "")));
            }
        } else if (text || isText(format, type)) {
            lines.add("添付ファイル " + n);
            lines.add(asText.get());
        } else {
            problems.unread(-1, 0, notRead);
        }
    }
}
