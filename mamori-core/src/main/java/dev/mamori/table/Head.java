package dev.mamori.table;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;

/** The first bytes of an input (up to 64 KiB), kept so the whole input can still be read once. */
final class Head {

    static final int SIZE = 1 << 16;

    final byte[] bytes;
    final int length;
    /** True when the head holds the whole input. */
    final boolean complete;
    private final InputStream rest;

    private Head(byte[] bytes, int length, boolean complete, InputStream rest) {
        this.bytes = bytes;
        this.length = length;
        this.complete = complete;
        this.rest = rest;
    }

    static Head read(InputStream in) throws IOException {
        byte[] b = new byte[SIZE];
        int n = in.readNBytes(b, 0, SIZE);
        return new Head(b, n, n < SIZE, in);
    }

    /** The whole input again, skipping the first {@code skip} bytes (a BOM). */
    InputStream stream(int skip) {
        InputStream head = new ByteArrayInputStream(bytes, skip, length - skip);
        return complete ? head : new SequenceInputStream(head, rest);
    }

    boolean startsWith(int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** The head decoded leniently (for sniffing), without a BOM. */
    String text(Encoding enc) {
        return new String(bytes, enc.bomLength(), length - enc.bomLength(), enc.charset());
    }

    /** A detected encoding and the length of its byte-order mark (0 when none). */
    record Encoding(Charset charset, int bomLength) {
    }
}
