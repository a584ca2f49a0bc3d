package dev.mamori.cli.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A bare SMTP client for the trap on 127.0.0.1: one command, one (possibly multi-line) reply. */
final class RawSmtp implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    RawSmtp(int port) throws IOException {
        this(port, null);
    }

    /** From {@code source}, another address of the loopback network 127.0.0.0/8 (null: the system's choice). */
    RawSmtp(int port, String source) throws IOException {
        this(port, source, true);
    }

    /** The greeting line (220, or 421 when the trap is busy). */
    final String banner;

    /** {@code greeted}: fail unless the trap says 220. */
    RawSmtp(int port, String source, boolean greeted) throws IOException {
        this(port, source, greeted, 15_000);
    }

    /**
     * {@code readTimeoutMillis}: how long to wait for each reply, the greeting included. A client queued behind a full
     * trap waits in the listen queue for its greeting; RFC 5321 (4.5.3.2.1) lets it wait five minutes.
     */
    RawSmtp(int port, String source, boolean greeted, int readTimeoutMillis) throws IOException {
        socket = new Socket();
        if (source != null) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
        }
        socket.connect(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 10_000);
        socket.setSoTimeout(readTimeoutMillis);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        out = socket.getOutputStream();
        banner = reply();
        if (greeted) {
            assertThat(banner).startsWith("220 ").contains("Mamori trap");
        }
    }

    String cmd(String line) throws IOException {
        send(line + "\r\n");
        return reply();
    }

    void send(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    String reply() throws IOException {
        StringBuilder sb = new StringBuilder();
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new EOFException("connection closed after: " + sb);
            }
            sb.append(line).append('\n');
        } while (line.length() > 3 && line.charAt(3) == '-');
        return sb.toString();
    }

    /** Has the trap sent something (a reply, or closed the connection) that was not read yet? */
    boolean ready() throws IOException {
        return in.ready();
    }

    String lineOrNull() {
        try {
            return in.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
