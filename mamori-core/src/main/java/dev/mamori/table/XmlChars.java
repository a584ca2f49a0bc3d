package dev.mamori.table;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;

/**
 * XML for the StAX readers of {@link OpenDocument} and {@link SpreadsheetMl}: a parser factory that refuses DTDs and
 * external entities, and the file's characters decoded before the parser sees them. Given the bytes, the JDK's parser
 * prints a "[Fatal Error]" line to standard error for a byte that is no character of the encoding, and gives up on the
 * whole file; decoded here, such a byte is read as U+FFFD and the rest of the file is read.
 */
final class XmlChars {

    private XmlChars() {
    }

    static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    private static final Pattern DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    /** The encoding an XML file's head declares (after a BOM, which wins), else UTF-8. */
    static Charset declared(byte[] head) {
        if (head.length >= 2 && (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF || head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)) {
            return head[0] == (byte) 0xFE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
        }
        Matcher m = DECLARED.matcher(new String(head, StandardCharsets.ISO_8859_1).replace("\u00EF\u00BB\u00BF", ""));
        if (m.find()) {
            try {
                String name = m.group(1);
                return Charset.forName(name.equalsIgnoreCase("Shift_JIS") ? "windows-31j" : name); // as Windows writes it
            } catch (IllegalArgumentException e) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** The characters of {@code in} in {@code cs}, a byte-order mark dropped, undecodable bytes as U+FFFD (counted). */
    static Decoded reader(InputStream in, Charset cs) {
        return new Decoded(new PushbackReader(new BufferedReader(new InputStreamReader(in, cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16), 1));
    }

    /** Decoded characters, and how many of them are U+FFFD: bytes that were no character (or that character itself). */
    static final class Decoded extends FilterReader {
        private final PushbackReader r;
        private boolean started;
        private long replaced;

        private Decoded(PushbackReader r) {
            super(r);
            this.r = r;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (!started) {
                started = true;
                int c = r.read();
                if (c >= 0 && c != '\uFEFF') {
                    r.unread(c);
                }
            }
            int n = r.read(buf, off, len);
            for (int i = off; i < off + n; i++) {
                if (buf[i] == '\uFFFD') {
                    replaced++;
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        /** Reports the characters replaced, if any, as a problem of the file. */
        void report(Problems problems, String part) {
            if (replaced > 0) {
                String where = part == null ? "" : part + " の";
                String whereEn = part == null ? "" : " of " + part;
                problems.report(-1, 0, new dev.mamori.report.Message(where + "文字として読めないバイトを " + replaced + " 文字の U+FFFD として読みました",
                        "bytes that are no character read as U+FFFD (" + replaced + whereEn + ")"));
            }
        }
    }
}
