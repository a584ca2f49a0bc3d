package dev.mamori.report;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON escaping for reports that may be shown on a terminal: what JSON requires (C0 controls, quote,
 * backslash), plus DEL, the C1 controls, U+2028/U+2029 and the bidirectional overrides as
 * <code>&#92;uXXXX</code>. The value read back is the same; only how it is written changes. Everything else,
 * Japanese included, is written as it is.
 */
public final class TerminalSafeEscapes extends CharacterEscapes {

    public static final TerminalSafeEscapes INSTANCE = new TerminalSafeEscapes();

    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    private TerminalSafeEscapes() {
        ascii = standardAsciiEscapesForJSON();
        ascii[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        boolean unsafe = ch >= 0x80 && ch <= 0x9f || ch >= 0x202a && ch <= 0x202e || ch >= 0x2066 && ch <= 0x2069
                || ch == 0x200e || ch == 0x200f || ch == 0x2028 || ch == 0x2029;
        return unsafe ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
}
