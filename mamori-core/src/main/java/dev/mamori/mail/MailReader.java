package dev.mamori.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads mail as it is kept: mbox files ({@code From } lines), Maildirs (cur/ and new/), directories
 * of .eml files (recursively), single messages, and standard input. Each message is handed on and
 * forgotten, so memory stays bounded whatever the size of the input; a message longer than the
 * limit keeps its first bytes (the headers) and is marked truncated. Problems (a binary file, an
 * mbox cut inside a header block, an unreadable file) are reported and the run goes on.
 */
public final class MailReader {

    /** Something wrong with one input or message; the rest is still read. */
    public record Problem(String source, long index, String message) {
        @Override
        public String toString() {
            return source + (index > 0 ? " #" + index : "") + ": " + message;
        }
    }

    private final int maxMessageBytes;
    private final Consumer<Problem> problems;

    public MailReader(int maxMessageBytes, Consumer<Problem> problems) {
        this.maxMessageBytes = maxMessageBytes;
        this.problems = problems;
    }

    /** Reads every input ("-" is standard input) in order. */
    public void read(List<String> inputs, InputStream stdin, Consumer<MailMessage> sink) {
        for (String input : inputs) {
            if (input.equals("-")) {
                readStream("(stdin)", stdin, sink);
                continue;
            }
            Path p = Path.of(input);
            if (Files.isDirectory(p)) {
                readDirectory(p, sink);
            } else if (Files.isRegularFile(p)) {
                readFile(p, sink);
            } else {
                problems.accept(new Problem(input, 0, Files.exists(p) ? "not a file or directory" : "no such file or directory"));
            }
        }
    }

    private void readDirectory(Path dir, Consumer<MailMessage> sink) {
        if (Files.isDirectory(dir.resolve("cur")) && Files.isDirectory(dir.resolve("new"))) {
            try {
                for (Path m : Maildir.messages(dir)) {
                    readFile(m, sink);
                }
            } catch (IOException e) {
                problems.accept(new Problem(dir.toString(), 0, "cannot list the Maildir: " + e.getMessage()));
            }
            return;
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().forEach(files::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.accept(new Problem(dir.toString(), 0, "cannot list: " + e.getMessage()));
        }
        if (files.isEmpty()) {
            problems.accept(new Problem(dir.toString(), 0, "no mail in this folder"));
        }
        for (Path f : files) {
            if (f.getParent() != null && f.getParent().getFileName() != null && f.getParent().getFileName().toString().equals("tmp")
                    && Files.isDirectory(f.getParent().resolveSibling("new"))) {
                continue; // a Maildir's tmp/: deliveries in progress
            }
            readFile(f, sink);
        }
    }

    private void readFile(Path f, Consumer<MailMessage> sink) {
        try (InputStream in = Files.newInputStream(f)) {
            readStream(f.toString(), in, sink);
        } catch (IOException e) {
            problems.accept(new Problem(f.toString(), 0, "cannot read: " + e.getMessage()));
        }
    }

    /** One stream: an mbox when it starts with "From ", else one message. */
    void readStream(String source, InputStream raw, Consumer<MailMessage> sink) {
        try {
            LineInput in = new LineInput(raw);
            byte[] first = in.peek(8192);
            if (first.length == 0) {
                problems.accept(new Problem(source, 0, "empty"));
                return;
            }
            for (byte b : first) {
                if (b == 0) {
                    problems.accept(new Problem(source, 0, "binary data, not mail: skipped"));
                    return;
                }
            }
            boolean mbox = first.length >= 5 && first[0] == 'F' && first[1] == 'r' && first[2] == 'o' && first[3] == 'm' && first[4] == ' ';
            if (mbox) {
                readMbox(source, in, sink);
            } else {
                Message m = new Message();
                byte[] line;
                while ((line = in.line()) != null) {
                    m.add(line);
                }
                emit(source, 1, m, sink, false);
            }
        } catch (IOException e) {
            problems.accept(new Problem(source, 0, "read failed: " + e.getMessage()));
        }
    }

    private void readMbox(String source, LineInput in, Consumer<MailMessage> sink) throws IOException {
        long index = 0;
        Message m = null;
        boolean previousBlank = true;
        byte[] line;
        while ((line = in.line()) != null) {
            // a "From " line starts a message after a blank line, or inside a header block that never ended (a header
            // line never starts with "From ": the message before it was cut)
            if (startsWithFrom(line) && (previousBlank || (m != null && !m.headerEnded))) {
                if (m != null && !previousBlank && !m.headerEnded) {
                    problems.accept(new Problem(source, index, "the header block never ends (a cut message?): skipped"));
                } else if (m != null) {
                    emit(source, index, m, sink, true);
                }
                m = new Message();
                index++;
                previousBlank = false;
                continue;
            }
            if (m != null) {
                m.add(line);
            }
            previousBlank = isBlank(line);
        }
        if (m != null) {
            emit(source, index, m, sink, true);
        }
    }

    private void emit(String source, long index, Message m, Consumer<MailMessage> sink, boolean inMbox) {
        byte[] bytes = m.bytes();
        if (bytes.length == 0) {
            problems.accept(new Problem(source, inMbox ? index : 0, "no message"));
            return;
        }
        if (!m.headerEnded) {
            problems.accept(new Problem(source, inMbox ? index : 0, "the header block never ends (a cut message?): skipped"));
            return;
        }
        sink.accept(new MailMessage(source, index, bytes, m.truncated));
    }

    private static boolean startsWithFrom(byte[] l) {
        return l.length >= 5 && l[0] == 'F' && l[1] == 'r' && l[2] == 'o' && l[3] == 'm' && l[4] == ' ';
    }

    private static boolean isBlank(byte[] l) {
        for (byte b : l) {
            if (b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** The bytes of one message, up to the size limit; notes whether the header block ended. */
    private final class Message {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        boolean truncated;
        boolean headerEnded;
        private boolean any;

        void add(byte[] line) {
            if (!headerEnded && any && isBlank(line)) {
                headerEnded = true;
            }
            any = true;
            if (out.size() + line.length > maxMessageBytes) {
                truncated = true;
                return;
            }
            out.write(line, 0, line.length);
        }

        byte[] bytes() {
            if (!headerEnded && any && !truncated) {
                // a message of headers only, ending at end of input without an empty line, is still a message
                headerEnded = out.size() > 0 && endsWithNewline(out);
            }
            return out.toByteArray();
        }

        private boolean endsWithNewline(ByteArrayOutputStream o) {
            byte[] b = o.toByteArray();
            return b.length > 0 && b[b.length - 1] == '\n';
        }
    }

    /** Reads lines (with their line ends) from a stream, with a look at the first bytes. */
    private static final class LineInput {
        private final InputStream in;
        private final byte[] buf = new byte[65536];
        private int pos;
        private int lim;

        LineInput(InputStream in) {
            this.in = in;
        }

        byte[] peek(int n) throws IOException {
            while (lim < Math.min(n, buf.length)) {
                int r = in.read(buf, lim, Math.min(n, buf.length) - lim);
                if (r < 0) {
                    break;
                }
                lim += r;
            }
            return java.util.Arrays.copyOfRange(buf, 0, Math.min(lim, n));
        }

        /** The next line including its '\n' (or the rest of the input), or null at the end. */
        byte[] line() throws IOException {
            ByteArrayOutputStream long_ = null;
            while (true) {
                if (pos == lim) {
                    pos = 0;
                    lim = in.read(buf, 0, buf.length);
                    if (lim <= 0) {
                        lim = 0;
                        return long_ == null || long_.size() == 0 ? null : long_.toByteArray();
                    }
                }
                for (int i = pos; i < lim; i++) {
                    if (buf[i] == '\n') {
                        byte[] l;
                        if (long_ == null) {
                            l = java.util.Arrays.copyOfRange(buf, pos, i + 1);
                        } else {
                            long_.write(buf, pos, i + 1 - pos);
                            l = long_.toByteArray();
                        }
                        pos = i + 1;
                        return l;
                    }
                }
                if (long_ == null) {
                    long_ = new ByteArrayOutputStream(2 * (lim - pos) + 16);
                }
                long_.write(buf, pos, lim - pos);
                pos = lim;
                if (long_.size() > 64 * 1024 * 1024) {
                    byte[] l = long_.toByteArray(); // a pathological line: hand it on in pieces
                    return l;
                }
            }
        }
    }
}
