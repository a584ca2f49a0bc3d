package dev.mamori.mail.smtp;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The trap's connections, with deadlines a slow client cannot stretch: each command line must arrive
 * whole within the command deadline of our previous reply (or of the connection), and a message (all of
 * a DATA transfer, or every BDAT chunk up to LAST) within the message deadline of its start, however
 * steadily the client trickles bytes. A deadline that passes closes the session (421), which frees its
 * slot. Each connection also says whether the client hung up ({@link Guarded#hungUp()}), so that a
 * transfer the client never finished is never taken for a whole message.
 *
 * <p>SubEthaSMTP reads and writes through the streams of the socket our server socket hands it; the
 * deadline is enforced on every read by setting the socket's read timeout to the time left.
 */
final class TrapSockets {

    private TrapSockets() {
    }

    /** The two deadlines; both at least one millisecond. */
    record Deadlines(Duration command, Duration message) {
        Deadlines {
            if (command.toMillis() < 1 || message.toMillis() < 1) {
                throw new IllegalArgumentException("deadlines must be positive");
            }
        }
    }

    /** A server socket whose connections are {@link Guarded}; {@code log} hears of every session a deadline ends. */
    static final class Server extends ServerSocket {
        private final Deadlines deadlines;
        private final Consumer<String> log;

        Server(Deadlines deadlines, Consumer<String> log) throws IOException {
            this.deadlines = deadlines;
            this.log = log;
        }

        @Override
        public Socket accept() throws IOException {
            if (isClosed()) {
                throw new SocketException("Socket is closed");
            }
            Guarded s = new Guarded(deadlines, log);
            implAccept(s);
            s.commandStarts();
            return s;
        }
    }

    /** One client connection. */
    static final class Guarded extends Socket {
        private final long commandNanos;
        private final long messageNanos;
        private final Deadlines deadlines;
        private final Consumer<String> log;
        private volatile long deadline;
        private volatile boolean inMessage;
        private volatile boolean hungUp;
        private volatile SocketTimeoutException expired;
        private InputStream input;
        private OutputStream output;

        private Guarded(Deadlines deadlines, Consumer<String> log) {
            this.deadlines = deadlines;
            this.commandNanos = deadlines.command().toNanos();
            this.messageNanos = deadlines.message().toNanos();
            this.log = log;
        }

        /** From now the message deadline runs instead of the command deadline. */
        void messageStarts() {
            inMessage = true;
            deadline = System.nanoTime() + messageNanos;
        }

        /** The message is over (stored, refused or abandoned): the next command's deadline starts. */
        void messageEnds() {
            inMessage = false;
            commandStarts();
        }

        /** Did a read find the end of the stream (the client closed its side)? */
        boolean hungUp() {
            return hungUp;
        }

        /**
         * Throws when a deadline has passed. {@link InputStream#read(byte[], int, int)} as SubEthaSMTP's BDAT
         * stream inherits it keeps the bytes it has and drops an exception after the first byte, so a reader
         * asks this after every read rather than trusting a short read.
         */
        void failIfExpired() throws SocketTimeoutException {
            SocketTimeoutException e = expired;
            if (e != null) {
                throw e;
            }
        }

        private void commandStarts() {
            if (!inMessage) {
                deadline = System.nanoTime() + commandNanos;
            }
        }

        /** Sets the read timeout to the time left; throws when none is. */
        private void beforeRead() throws IOException {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw expired();
            }
            super.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, Duration.ofNanos(left).toMillis() + 1)));
        }

        private SocketTimeoutException expired() {
            String what = inMessage
                    ? "message deadline: not complete within " + deadlines.message().toSeconds() + " s"
                    : "command deadline: no complete command within " + deadlines.command().toSeconds() + " s";
            if (!inMessage) {
                log.accept("dropped ip=" + ip(getRemoteSocketAddress()) + " (" + what + "; connection closed)");
            }
            SocketTimeoutException e = new SocketTimeoutException(what);
            expired = e;
            return e;
        }

        private static String ip(SocketAddress a) {
            return a instanceof InetSocketAddress isa && isa.getAddress() != null ? Trap.ip(isa.getAddress()) : "0.0.0.0";
        }

        /** SubEthaSMTP sets one read timeout for the session; ours is set before every read instead. */
        @Override
        public void setSoTimeout(int timeout) {
            // ignored: see beforeRead
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = new In(super.getInputStream());
            }
            return input;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (output == null) {
                output = new Out(super.getOutputStream());
            }
            return output;
        }

        /** Every read within the deadline; the end of the stream remembered. */
        private final class In extends FilterInputStream {
            In(InputStream raw) {
                super(raw);
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                beforeRead();
                int n;
                try {
                    n = super.read(b, off, len);
                } catch (SocketTimeoutException e) {
                    throw expired();
                }
                if (n < 0) {
                    hungUp = true;
                }
                return n;
            }
        }

        /** A reply going out starts the time for the next command. */
        private final class Out extends FilterOutputStream {
            Out(OutputStream raw) {
                super(raw);
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                commandStarts();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                commandStarts();
            }

            @Override
            public void flush() throws IOException {
                out.flush();
                commandStarts();
            }
        }
    }
}
