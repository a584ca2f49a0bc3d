package dev.mamori.table;

import dev.mamori.report.Message;

/** Sends the problems of one input to its visitor, capping the undecodable-bytes reports. */
final class Problems {

    static final int MAX_DECODE_REPORTS = 100;

    private final String file;
    private final DocumentVisitor visitor;
    /** Shared by the blocks of one input read in parallel, so the cap holds for the whole input. */
    private final java.util.concurrent.atomic.AtomicLong decodeErrors;

    Problems(String file, DocumentVisitor visitor) {
        this(file, visitor, new java.util.concurrent.atomic.AtomicLong());
    }

    Problems(String file, DocumentVisitor visitor, java.util.concurrent.atomic.AtomicLong decodeErrors) {
        this.file = file;
        this.visitor = visitor;
        this.decodeErrors = decodeErrors;
    }

    String file() {
        return file;
    }

    /** Reports a warning (everything was read); the message gets the file name and place in front. */
    void report(long byteOffset, long line, Message what) {
        visitor.problem(new ReadProblem(file, byteOffset, line, placed(byteOffset, line, what), false));
    }

    /** Reports that part of the input was not read (see {@link ReadProblem}); never quote content in {@code what}. */
    void unread(long byteOffset, long line, Message what) {
        visitor.problem(new ReadProblem(file, byteOffset, line, placed(byteOffset, line, what), true));
    }

    /** A problem a reader of a part of this input (an attachment's) reported, passed on as it is. */
    void forward(ReadProblem problem) {
        visitor.problem(problem);
    }

    /** {@code what}, after the file name and the place. */
    private Message placed(long byteOffset, long line, Message what) {
        String at = line > 0 ? ":" + line : "";
        String ja = file + at + (byteOffset >= 0 ? "（" + byteOffset + " バイト目）" : "") + ": ";
        String en = file + at + (byteOffset >= 0 ? " (byte " + byteOffset + ")" : "") + ": ";
        return what.after(ja, en);
    }

    /**
     * {@code len} undecodable bytes at {@code byteOffset}; only the first 100 are reported. Their values
     * are not shown: in a file read in the wrong encoding they are pieces of its text.
     */
    void undecodable(long byteOffset, long line, int len, String charset) {
        if (decodeErrors.incrementAndGet() <= MAX_DECODE_REPORTS) {
            report(byteOffset, line, new Message(len + " バイトが " + charset + " として正しくありません。U+FFFD に置き換えました",
                    len + (len == 1 ? " byte is" : " bytes are") + " not valid " + charset + "; replaced with U+FFFD"));
        }
    }

    /** How far the read has come, in bytes; passed on to the visitor. */
    void progress(long bytesRead) {
        visitor.progress(bytesRead);
    }

    /** Called once at the end of the input: reports how many undecodable sequences went unreported. */
    void finish() {
        long n = decodeErrors.get();
        if (n > MAX_DECODE_REPORTS) {
            report(-1, 0, new Message("… ほかに文字コードとして正しくない箇所が " + (n - MAX_DECODE_REPORTS) + " 個（全部で " + n
                    + " 個。報告するのは最初の " + MAX_DECODE_REPORTS + " 個だけです）",
                    "… " + (n - MAX_DECODE_REPORTS) + " more undecodable sequences (" + n
                    + " in all; only the first " + MAX_DECODE_REPORTS + " are reported)"));
        }
    }

}
