package dev.mamori.cli.spam;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTP server for the notifier's tests (SubEthaSMTP on loopback): TLS with a test certificate
 * (tls/README.md), either STARTTLS required before anything else or TLS from the first byte, and AUTH
 * for one user; it keeps the messages it accepted and the logins it saw.
 */
final class TlsSmtpServer implements AutoCloseable {

    static final String USER = "notifier";
    static final String PASSWORD = "s3cret-pw";

    final List<byte[]> messages = new CopyOnWriteArrayList<>();
    final List<String> logins = new CopyOnWriteArrayList<>();
    private final SMTPServer server;

    /** {@code keystore}: a file under tls/ holding the server's key and certificate. */
    TlsSmtpServer(boolean implicit, String keystore) throws IOException, GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(keystore), "changeit".toCharArray());
        ctx.init(kmf.getKeyManagers(), null, null);
        SMTPServer.Builder b = SMTPServer.port(0).bindAddress(InetAddress.getLoopbackAddress()).hostName("localhost")
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, context) -> {
                    logins.add(user);
                    if (!USER.equals(user) || !PASSWORD.equals(password)) {
                        throw new LoginFailedException("wrong user or password");
                    }
                }))
                .messageHandlerFactory(context -> new MessageHandler() {
                    @Override
                    public void from(String from) {
                    }

                    @Override
                    public void recipient(String recipient) {
                    }

                    @Override
                    public String data(InputStream data) throws IOException {
                        messages.add(data.readAllBytes());
                        return null;
                    }

                    @Override
                    public void done() {
                    }
                });
        if (implicit) {
            b.serverSocketFactory(ctx);
        } else {
            b.enableTLS().requireTLS().startTlsSocketFactory(ctx);
        }
        server = b.build();
        server.start();
    }

    int port() {
        return server.getPortAllocated();
    }

    /** TLS client sockets that trust the certificate in {@code keystore} (and nothing else). */
    static SSLSocketFactory trusting(String keystore) throws IOException, GeneralSecurityException {
        KeyStore ks = load(keystore);
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("server", ks.getCertificate(ks.aliases().nextElement()));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx.getSocketFactory();
    }

    private static KeyStore load(String keystore) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = TlsSmtpServer.class.getResourceAsStream("tls/" + keystore)) {
            if (in == null) {
                throw new IOException("tls/" + keystore + " is missing from the test resources");
            }
            ks.load(in, "changeit".toCharArray());
        }
        return ks;
    }

    @Override
    public void close() {
        server.stop();
    }
}
