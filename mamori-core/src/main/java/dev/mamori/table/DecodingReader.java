package dev.mamori.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes an InputStream with a strict decoder, replacing each undecodable sequence by U+FFFD and
 * reporting its absolute byte offset (and line, for ASCII-compatible charsets, by counting LF bytes).
 * Large buffers; decoding is done in bulk by the JDK decoder.
 */
final class DecodingReader extends Reader {

    private static final int BUFFER = 1 << 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final Problems problems;
    private final boolean countLines;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    private long consumed; // absolute offset of bytes[0]
    private long lfBefore; // LF bytes in the input before bytes[countedUpTo]
    private int countedUpTo;
    private boolean eof;
    private boolean flushed;
    private char[] lastArray;
    private CharBuffer lastWrap;

    /** @param startOffset absolute offset of the first byte of {@code in} (after a BOM, say) */
    DecodingReader(InputStream in, Charset charset, long startOffset, Problems problems) {
        this(in, charset, startOffset, 1, problems);
    }

    /**
     * @param startOffset absolute offset of the first byte of {@code in}
     * @param firstLine   the line number of that byte (for a block cut from the middle of an input)
     */
    DecodingReader(InputStream in, Charset charset, long startOffset, long firstLine, Problems problems) {
        this.in = in;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.problems = problems;
        this.countLines = !charset.name().startsWith("UTF-16") && !charset.name().startsWith("UTF-32");
        this.consumed = startOffset;
        this.lfBefore = firstLine - 1;
        bytes.flip();
    }

    /** Bytes read from the stream so far, plus the start offset. */
    long bytesRead() {
        return consumed + bytes.limit();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        CharBuffer out = wrap(cbuf, off, len);
        while (out.position() == off) {
            if (flushed) {
                return -1;
            }
            CoderResult r = decoder.decode(bytes, out, eof);
            if (r.isError()) {
                if (!out.hasRemaining()) {
                    break; // report it on the next call
                }
                reportAndSkip(r.length());
                out.put('\uFFFD');
            } else if (r.isUnderflow()) {
                if (eof) {
                    if (decoder.flush(out).isOverflow()) {
                        break;
                    }
                    flushed = true;
                } else {
                    fill();
                }
            } else {
                break; // overflow: out is full
            }
        }
        int n = out.position() - off;
        return n == 0 && flushed ? -1 : n;
    }

    private CharBuffer wrap(char[] cbuf, int off, int len) {
        if (cbuf != lastArray) {
            lastArray = cbuf;
            lastWrap = CharBuffer.wrap(cbuf);
        }
        lastWrap.limit(off + len).position(off);
        return lastWrap;
    }

    private void fill() throws IOException {
        countLinesUpTo(bytes.position());
        consumed += bytes.position();
        problems.progress(consumed);
        bytes.compact();
        countedUpTo = 0;
        int n = in.readNBytes(bytes.array(), bytes.position(), bytes.remaining());
        bytes.position(bytes.position() + n);
        if (bytes.hasRemaining()) {
            eof = true;
        }
        bytes.flip();
    }

    private void countLinesUpTo(int end) {
        if (!countLines) {
            return;
        }
        if (end > countedUpTo) {
            lfBefore += countLf(bytes.array(), countedUpTo, end);
            countedUpTo = end;
        }
    }

    /** LF bytes in a[from, to), eight at a time (exact: no carries between bytes). */
    static long countLf(byte[] a, int from, int to) {
        long n = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(a, i) ^ 0x0A0A0A0A0A0A0A0AL;
            long t = ((x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | x;
            n += Long.bitCount(~t & 0x8080808080808080L);
        }
        for (; i < to; i++) {
            if (a[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    private void reportAndSkip(int length) {
        int pos = bytes.position();
        countLinesUpTo(pos);
        problems.undecodable(consumed + pos, countLines ? lfBefore + 1 : 0, length, decoder.charset().name());
        bytes.position(pos + length);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    static boolean isValidUtf8(byte[] head, int len, boolean complete) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return isValid(d, head, len, complete);
    }

    static boolean isValid(CharsetDecoder d, byte[] head, int len, boolean complete) {
        ByteBuffer in = ByteBuffer.wrap(head, 0, len);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult r = d.decode(in, out, complete);
            if (r.isError()) {
                return false;
            }
            if (r.isUnderflow()) {
                return true; // a sequence cut at the end of an incomplete head is fine
            }
            out.clear();
        }
    }
}
