package dev.mamori.table;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text of an RTF document (WordPad's own format, and Word's "rich text"), as lines: paragraphs, table rows as
 * tab-separated cells, fields by their shown result; then footnotes, comments with their authors, the pages' headers
 * and footers (each text once), and the author. Bytes written as {@code \'hh} are decoded in the code page of the font
 * they are in ({@code \fcharset128}: Shift_JIS, as Windows writes it) or of the document ({@code \ansicpg932}), and
 * {@code \\uN} as the character it names, its fallback bytes skipped. Pictures, objects' data, style and font tables and
 * unknown destinations ({@code \*}) are passed over.
 *
 * <p>Written by hand: the JDK's RTFEditorKit ignores code pages (Japanese comes out as mojibake) and Apache Tika's
 * parser would bring its own POI and some fifty other jars; RTF's grammar (groups, control words, hex bytes) is small.
 */
final class RtfText {

    private RtfText() {
    }

    /** Destinations whose text is not the document's. */
    private static final Set<String> SKIPPED = Set.of("fonttbl", "colortbl", "stylesheet", "listtable", "listoverridetable",
            "rsidtbl", "generator", "pict", "objdata", "themedata", "colorschememapping", "datastore", "latentstyles",
            "xmlnstbl", "filetbl", "revtbl", "pgdsctbl", "mmathPr", "xe", "tc", "bkmkstart", "bkmkend",
            "nonshppict", "shppict", "sp", "blipuid", "passwordhash", "protusertbl", "userprops", "docvar", "atnid", "atnicn",
            "atntime", "atndate", "atnref", "atrfstart", "atrfend", "listpicture", "ftnsep", "ftnsepc", "aftnsep", "aftnsepc",
            "template", "category", "keywords", "comment", "doccomm", "hlinkbase", "company", "manager", "subject", "title",
            "creatim", "revtim", "printim", "buptim", "falt", "panose", "fname", "oleclsid",
            "wgrffmtfilter", "pnseclvl", "pntxta", "pntxtb", "listtext", "shprslt");

    /** Destinations read apart: headers and footers, footnotes, comments and their authors, fields' codes (for ruby). */
    private enum Kind { BODY, SKIP, INFO, HEADER, FOOTNOTE, COMMENT, COMMENT_AUTHOR, AUTHOR, OPERATOR, FONT, FIELD_CODE, UPR }

    /** A group's state, inherited by the groups inside it. */
    private static final class State {
        Kind kind;
        int uc = 1;
        int font = -1;
        /** Inside a font table's entry: the font being described. */
        int describing = -1;
        /** The next control word names a destination ({@code \*} was seen). */
        boolean star;
        /** Whether the group has had text or a control word yet (a destination is its first word). */
        boolean started;
        /** Inside a table (a paragraph mark joins a cell's paragraphs). */
        boolean intbl;
        /** Text deleted with tracked changes ({@code \deleted}): put on a line of its own. */
        boolean deleted;
        /** Where text goes: the body, or the destination's own text; null when it is dropped. */
        StringBuilder sink;
        /** Inside an upr group: where its Unicode form (its ud group) goes, its code-page form being dropped. */
        StringBuilder uprSink;

        State copy() {
            State s = new State();
            s.kind = kind;
            s.uc = uc;
            s.font = font;
            s.describing = describing;
            s.intbl = intbl;
            s.deleted = deleted;
            s.sink = sink;
            s.uprSink = uprSink;
            return s;
        }
    }

    /** The document's text, comments and authors. */
    static void read(byte[] rtf, DocumentText.Lines lines) {
        new Parser(rtf).parse().deliver(lines);
    }

    private static final class Parser {
        private final byte[] in;
        private int pos;
        private final Deque<State> stack = new ArrayDeque<>();
        private State st = new State();
        private Charset documentCharset = Charset.forName("windows-1252");
        private final Map<Integer, Charset> fontCharsets = new HashMap<>();
        private int defaultFont = -1;
        /** Bytes of \'hh escapes not yet decoded (a double-byte character comes as two). */
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private int skipFallback;
        private final StringBuilder body = new StringBuilder();
        private final java.util.Set<String> headers = new java.util.LinkedHashSet<>();
        private final List<String> notes = new ArrayList<>();
        private final List<String> comments = new ArrayList<>();
        private final List<String> deletions = new ArrayList<>();
        private final StringBuilder deletedRun = new StringBuilder();
        private String commentAuthor = "";
        private String author;
        private String operator;

        Parser(byte[] in) {
            this.in = in;
            st.kind = Kind.BODY;
            st.sink = body;
        }

        Parser parse() {
            while (pos < in.length) {
                int c = in[pos++] & 0xFF;
                if (c == '{') {
                    flush();
                    skipFallback = 0;
                    stack.push(st);
                    st = st.copy();
                    if (stack.size() > 10_000) { // a malformed file: no deeper, the rest read flat
                        st = stack.pop();
                    }
                } else if (c == '}') {
                    flush();
                    skipFallback = 0;
                    endGroup();
                } else if (c == '\\') {
                    control();
                } else if (c == '\r' || c == '\n') {
                    // line ends in the source are not text
                } else {
                    st.started = true;
                    if (skipFallback > 0) {
                        skipFallback--;
                    } else if (c < 0x80 && !awaitingTrail()) {
                        flush();
                        text((char) c);
                    } else {
                        pending.write(c); // a raw 8-bit byte: the code page's, as \'hh is
                    }
                }
            }
            flush();
            while (!stack.isEmpty()) {
                endGroup();
            }
            return this;
        }

        private void endGroup() {
            State inner = st;
            if (stack.isEmpty()) {
                return;
            }
            st = stack.pop();
            if (inner.sink != null && inner.sink != st.sink && inner.sink != body) { // a destination of its own ends
                String t = inner.sink.toString().strip();
                switch (inner.kind) {
                    case HEADER -> {
                        for (String l : t.split("\n")) {
                            if (!l.isBlank()) {
                                headers.add(l.strip());
                            }
                        }
                    }
                    case FOOTNOTE -> add(notes, t);
                    case COMMENT -> {
                        if (!t.isEmpty()) {
                            comments.add("コメント 作成者：" + commentAuthor);
                            comments.add(t);
                        }
                    }
                    case COMMENT_AUTHOR -> commentAuthor = t;
                    case AUTHOR -> author = t;
                    case OPERATOR -> operator = t;
                    case FIELD_CODE -> {
                        String base = Ole2Text.Fields.rubyBase(t); // ruby: the text under the reading (its result is empty)
                        if (base != null) {
                            base.chars().forEach(c -> text((char) c));
                        }
                    }
                    default -> { }
                }
            }
            if (inner.kind == Kind.FONT && inner.describing >= 0 && !fontCharsets.containsKey(inner.describing)) {
                fontCharsets.put(inner.describing, documentCharset);
            }
        }

        private static void add(List<String> list, String t) {
            if (!t.isEmpty()) {
                list.add(t);
            }
        }

        private void control() {
            if (pos >= in.length) {
                return;
            }
            int c = in[pos] & 0xFF;
            if (!isLetter(c)) {
                pos++;
                symbol(c);
                return;
            }
            int start = pos;
            while (pos < in.length && isLetter(in[pos] & 0xFF)) {
                pos++;
            }
            String word = new String(in, start, pos - start, StandardCharsets.US_ASCII);
            boolean hasParam = false;
            int param = 0;
            boolean negative = false;
            if (pos < in.length && in[pos] == '-') {
                negative = true;
                pos++;
            }
            int digits = 0;
            while (pos < in.length && in[pos] >= '0' && in[pos] <= '9' && digits < 10) {
                param = param * 10 + (in[pos++] - '0');
                hasParam = true;
                digits++;
            }
            param = negative ? -param : param;
            if (pos < in.length && in[pos] == ' ') {
                pos++; // the delimiter belongs to the word
            }
            word(word, hasParam, param);
        }

        private static boolean isLetter(int c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }

        private void symbol(int c) {
            switch (c) {
                case '\'' -> {
                    if (pos + 2 <= in.length) {
                        int hi = Character.digit(in[pos], 16);
                        int lo = Character.digit(in[pos + 1], 16);
                        pos += 2;
                        if (hi >= 0 && lo >= 0) {
                            if (skipFallback > 0) {
                                skipFallback--;
                            } else {
                                pending.write(hi * 16 + lo);
                            }
                        }
                    }
                }
                case '*' -> st.star = true;
                case '\\', '{', '}' -> {
                    if (awaitingTrail()) {
                        pending.write(c); // the second byte of a double-byte character: 表 is \'95\\ in Shift_JIS
                    } else {
                        flush();
                        text((char) c);
                    }
                }
                case '~' -> {
                    flush();
                    text(' ');
                }
                case '_' -> {
                    flush();
                    text('-');
                }
                case '\r', '\n' -> {
                    flush();
                    text('\n'); // \ before a line end is \par
                }
                case '\t' -> {
                    flush();
                    text('\t');
                }
                default -> { } // \- (optional hyphen), \: (index entries), \| …
            }
        }

        private void word(String word, boolean hasParam, int param) {
            boolean first = !st.started;
            st.started = true;
            boolean star = st.star;
            st.star = false;
            if (word.equals("bin") && hasParam) {
                flush();
                pos = (int) Math.min(in.length, (long) pos + Math.max(0, param)); // binary data: not text
                return;
            }
            if (first) {
                Kind k = destination(word, star);
                if (k != null) {
                    flush();
                    st.kind = st.kind == Kind.SKIP ? Kind.SKIP : k;
                    if (st.kind == Kind.UPR) {
                        st.uprSink = st.sink; // the text of its ud group goes where the upr group stands
                    }
                    st.sink = switch (st.kind) {
                        case SKIP, FONT, INFO, UPR -> null;
                        default -> new StringBuilder();
                    };
                    return;
                }
                if (word.equals("ud") && st.kind == Kind.UPR) {
                    st.sink = st.uprSink;
                    return;
                }
            }
            switch (word) {
                case "ansicpg" -> {
                    if (hasParam) {
                        documentCharset = codePage(param, documentCharset);
                    }
                }
                case "sjis" -> documentCharset = Charset.forName("windows-31j");
                case "deff" -> defaultFont = param;
                case "f" -> {
                    flush();
                    if (st.kind == Kind.FONT) {
                        st.describing = param;
                    } else {
                        st.font = param;
                    }
                }
                case "fcharset" -> {
                    if (st.kind == Kind.FONT && st.describing >= 0 && hasParam) {
                        fontCharsets.put(st.describing, charset(param));
                    }
                }
                case "uc" -> st.uc = Math.max(0, param);
                case "u" -> {
                    flush();
                    text((char) (param < 0 ? param + 65536 : param));
                    skipFallback = st.uc;
                }
                case "intbl" -> st.intbl = true;
                case "pard" -> st.intbl = false;
                case "deleted" -> {
                    flush();
                    st.deleted = !hasParam || param != 0;
                }
                case "plain" -> {
                    flush();
                    st.deleted = false;
                }
                case "par", "line", "sect", "page", "row" -> {
                    flush();
                    if (word.equals("row")) {
                        trimCells();
                    }
                    text(st.intbl && (word.equals("par") || word.equals("line")) ? ' ' : '\n'); // a cell's paragraphs: one value
                    endDeletion();
                }
                case "tab", "cell" -> {
                    flush();
                    text('\t');
                }
                case "nestcell", "nestrow" -> { // a table inside a cell: joined into the cell's text
                    flush();
                    text(' ');
                }
                case "emdash" -> special('—');
                case "endash" -> special('–');
                case "bullet" -> special('•');
                case "lquote" -> special('‘');
                case "rquote" -> special('’');
                case "ldblquote" -> special('“');
                case "rdblquote" -> special('”');
                case "emspace", "enspace", "qmspace" -> special(' ');
                default -> { }
            }
        }

        /** What a group's first control word makes it, or null when it is no destination of note. */
        private Kind destination(String word, boolean star) {
            return switch (word) {
                case "fonttbl" -> Kind.FONT;
                case "header", "footer", "headerl", "headerr", "headerf", "footerl", "footerr", "footerf" -> Kind.HEADER;
                case "footnote" -> Kind.FOOTNOTE;
                case "annotation" -> Kind.COMMENT;
                case "atnauthor" -> Kind.COMMENT_AUTHOR;
                case "info" -> Kind.INFO;
                case "author" -> Kind.AUTHOR;
                case "operator" -> Kind.OPERATOR;
                case "fldinst" -> Kind.FIELD_CODE;
                case "upr" -> Kind.UPR;
                case "fldrslt", "shpinst", "shptxt", "txbxcontent", "do", "ud" -> null; // a field's shown result, a text box: read where they are
                default -> star || SKIPPED.contains(word) ? Kind.SKIP : null;
            };
        }

        private void special(char c) {
            flush();
            text(c);
        }

        /** Text into the current destination (deleted text of the body apart). */
        private void text(char c) {
            if (st.deleted && st.sink == body) {
                deletedRun.append(c);
            } else if (st.sink != null) {
                st.sink.append(c);
            }
        }

        /** A paragraph ended: the text deleted in it, on a line of its own after the body. */
        private void endDeletion() {
            String d = deletedRun.toString().replace('\n', ' ').strip();
            if (!d.isEmpty()) {
                deletions.add("削除された文字：" + d);
            }
            deletedRun.setLength(0);
        }

        /** The tab after a row's last cell. */
        private void trimCells() {
            StringBuilder b = st.sink;
            if (b != null && !b.isEmpty() && b.charAt(b.length() - 1) == '\t') {
                b.setLength(b.length() - 1);
            }
        }

        /** Decodes the pending \'hh bytes in the current font's code page. */
        private void flush() {
            if (pending.size() == 0) {
                return;
            }
            byte[] bytes = pending.toByteArray();
            pending.reset();
            int font = st.font >= 0 ? st.font : defaultFont;
            boolean meta = st.kind == Kind.AUTHOR || st.kind == Kind.OPERATOR || st.kind == Kind.COMMENT_AUTHOR;
            Charset cs = meta && st.font < 0 ? documentCharset : fontCharsets.getOrDefault(font, documentCharset);
            String s = new String(bytes, cs);
            for (int i = 0; i < s.length(); i++) {
                text(s.charAt(i));
            }
        }

        /** Whether the pending bytes end in a double-byte character's first byte, its second byte still to come. */
        private boolean awaitingTrail() {
            int n = pending.size();
            if (n == 0) {
                return false;
            }
            int font = st.font >= 0 ? st.font : defaultFont;
            String cs = fontCharsets.getOrDefault(font, documentCharset).name();
            boolean sjis = cs.equals("windows-31j") || cs.equals("Shift_JIS");
            boolean dbcs = sjis || cs.equals("GBK") || cs.equals("x-windows-949") || cs.equals("x-windows-950");
            if (!dbcs) {
                return false;
            }
            byte[] b = pending.toByteArray();
            int i = 0;
            while (i < n) {
                int c = b[i] & 0xFF;
                boolean lead = sjis ? c >= 0x81 && c <= 0x9F || c >= 0xE0 && c <= 0xFC : c >= 0x81 && c <= 0xFE;
                if (!lead) {
                    i++;
                } else if (i + 1 < n) {
                    i += 2;
                } else {
                    return true;
                }
            }
            return false;
        }

        private static Charset charset(int fcharset) {
            String name = switch (fcharset) {
                case 128 -> "windows-31j";
                case 129 -> "x-windows-949";
                case 134 -> "GBK";
                case 136 -> "x-windows-950";
                case 161 -> "windows-1253";
                case 162 -> "windows-1254";
                case 177 -> "windows-1255";
                case 178 -> "windows-1256";
                case 186 -> "windows-1257";
                case 204 -> "windows-1251";
                case 222 -> "x-windows-874";
                case 238 -> "windows-1250";
                default -> "windows-1252";
            };
            return Charset.forName(name);
        }

        private static Charset codePage(int cp, Charset fallback) {
            try {
                return cp == 932 ? Charset.forName("windows-31j") : Charset.forName(cp == 65001 ? "UTF-8" : "windows-" + cp);
            } catch (IllegalArgumentException e) {
                return fallback;
            }
        }

        void deliver(DocumentText.Lines lines) {
            String text = body.toString();
            int end = text.length();
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (end > 0) {
                lines.add(text.substring(0, end));
            }
            endDeletion();
            deletions.forEach(lines::add);
            notes.forEach(lines::add);
            comments.forEach(lines::add);
            headers.forEach(lines::add);
            DocumentText.authors(author, operator, lines);
        }
    }
}
