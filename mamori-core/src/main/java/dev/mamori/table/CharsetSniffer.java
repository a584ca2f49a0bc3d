package dev.mamori.table;

import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Chooses the encoding of a text input from its head: a BOM; else valid UTF-8 (ASCII included);
 * else juniversalchardet, with Shift_JIS read as CP932 (windows-31j) so that NEC and IBM extensions
 * (①, ㈱, 髙, 﨑, ～) decode; else whichever of CP932 and EUC-JP decodes the head cleanly.
 */
final class CharsetSniffer {

    static final Charset CP932 = Charset.forName("windows-31j");
    static final Charset EUC_JP = Charset.forName("EUC-JP");

    private CharsetSniffer() {
    }

    static Head.Encoding detect(Head head) {
        if (head.startsWith(0xEF, 0xBB, 0xBF)) {
            return new Head.Encoding(StandardCharsets.UTF_8, 3);
        }
        if (head.startsWith(0xFE, 0xFF)) {
            return new Head.Encoding(StandardCharsets.UTF_16BE, 2);
        }
        if (head.startsWith(0xFF, 0xFE)) {
            return new Head.Encoding(StandardCharsets.UTF_16LE, 2);
        }
        if (DecodingReader.isValidUtf8(head.bytes, head.length, head.complete)) {
            return new Head.Encoding(StandardCharsets.UTF_8, 0);
        }
        return new Head.Encoding(guess(head), 0);
    }

    /** The encoding to use when the user forces one: a matching BOM is still skipped. */
    static Head.Encoding forced(Head head, Charset charset) {
        Head.Encoding sniffed = detect(head);
        int bom = sniffed.bomLength() > 0 && sniffed.charset().equals(charset) ? sniffed.bomLength() : 0;
        return new Head.Encoding(charset, bom);
    }

    private static Charset guess(Head head) {
        UniversalDetector detector = new UniversalDetector(null);
        detector.handleData(head.bytes, 0, head.length);
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        if ("SHIFT_JIS".equalsIgnoreCase(name)) {
            return CP932;
        }
        if ("EUC-JP".equalsIgnoreCase(name)) {
            return EUC_JP;
        }
        if (name != null && name.startsWith("UTF-16") && Charset.isSupported(name)) {
            return Charset.forName(name);
        }
        if (decodes(head, CP932)) {
            return CP932;
        }
        if (decodes(head, EUC_JP)) {
            return EUC_JP;
        }
        if (name != null && Charset.isSupported(name)) {
            return Charset.forName(name);
        }
        return CP932; // the likeliest legacy encoding of a Japanese file
    }

    private static boolean decodes(Head head, Charset cs) {
        return DecodingReader.isValid(cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT), head.bytes, head.length, head.complete);
    }

    /**
     * At most {@code max} bytes of {@code in} as text, in {@code forced} or else the encoding {@link #detect} finds (a
     * byte-order mark dropped): for the parts of a document read whole (a mail's part, an HTML page).
     */
    static String decode(java.io.InputStream in, Charset forced, int max) throws java.io.IOException {
        Head head = Head.read(in);
        Head.Encoding enc = forced != null ? forced(head, forced) : detect(head);
        try (java.io.InputStream rest = head.stream(enc.bomLength())) {
            return new String(rest.readNBytes(max), enc.charset());
        }
    }
}
