package dev.mamori.mail;

import dev.mamori.report.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fetches the five RIRs' current delegated-extended statistics over HTTPS and installs them in a
 * {@link RegistryStore}, all or nothing: each file is downloaded beside the store with its published
 * {@code .md5} and checked against it, and only when all five arrived whole and verified does
 * {@link RegistryStore#update} take them in (which in turn checks every line and switches generations
 * atomically). A wrong checksum, an HTTP error, a timeout or a cut-off body leaves the store as it was.
 *
 * <p>The {@code .md5} files come in two forms, both read: BSD {@code MD5 (delegated-apnic-extended-latest) = <hex>}
 * (AFRINIC, APNIC, LACNIC, RIPE NCC) and GNU {@code <hex>  delegated-arin-extended-20260925} (ARIN names the
 * dated file the {@code -latest} one points to).
 */
public final class RirDownload {

    /** One RIR's file: its short name as in the file names ({@code apnic}) and where it is published. */
    public record Rir(String name, URI uri) {
        /** The file's name, {@code delegated-<rir>-extended-latest}. */
        public String fileName() {
            return "delegated-" + name + "-extended-latest";
        }

        /** The published checksum beside it. */
        public URI md5() {
            return URI.create(uri + ".md5");
        }
    }

    /** The RIRs' own sites. */
    public static final List<Rir> OFFICIAL = List.of(
            new Rir("afrinic", URI.create("https://ftp.afrinic.net/pub/stats/afrinic/delegated-afrinic-extended-latest")),
            new Rir("apnic", URI.create("https://ftp.apnic.net/stats/apnic/delegated-apnic-extended-latest")),
            new Rir("arin", URI.create("https://ftp.arin.net/pub/stats/arin/delegated-arin-extended-latest")),
            new Rir("lacnic", URI.create("https://ftp.lacnic.net/pub/stats/lacnic/delegated-lacnic-extended-latest")),
            new Rir("ripencc", URI.create("https://ftp.ripe.net/pub/stats/ripencc/delegated-ripencc-extended-latest")));

    /** What a download reports as it goes (for a progress display). */
    public interface Listener {
        /** A file is being fetched; {@code size} is -1 when the server does not say. */
        void fetching(Rir rir, long size);

        /** {@code bytes} of it arrived so far. */
        void received(Rir rir, long bytes);

        /** It arrived whole and its MD5 matched the published one. */
        void verified(Rir rir, long bytes, String md5);
    }

    private static final Pattern MD5 = Pattern.compile("(?<![0-9A-Fa-f])([0-9A-Fa-f]{32})(?![0-9A-Fa-f])");
    private static final long MAX_MD5_BYTES = 4096;
    private static final long MAX_FILE_BYTES = 512L * 1024 * 1024;

    private final HttpClient client;
    private final Duration timeout;
    private final List<Rir> rirs;

    /**
     * @param rirs    where to fetch from: {@link #OFFICIAL} or {@link #mirror(URI)}
     * @param timeout how long to wait for a connection and for each response to begin
     */
    public RirDownload(List<Rir> rirs, Duration timeout) {
        this.rirs = List.copyOf(rirs);
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * The five files at a mirror: {@code <base>/delegated-<rir>-extended-latest} and its {@code .md5}. The
     * mirror must be HTTPS, except on this machine (localhost, 127.0.0.1, ::1) for a local copy or a test.
     *
     * @throws Message.Problem for another scheme or a plain-HTTP mirror elsewhere
     */
    public static List<Rir> mirror(URI base) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        String host = base.getHost() == null ? "" : base.getHost().toLowerCase(Locale.ROOT);
        boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
        if (!scheme.equals("https") && !(scheme.equals("http") && local)) {
            throw new Message.Problem("--mirror は https:// の URL にしてください（http:// はこのマシン上のミラーだけ）: " + base,
                    "--mirror must be an https:// URL (http:// only for a mirror on this machine): " + base);
        }
        String b = base.toString().endsWith("/") ? base.toString() : base + "/";
        return OFFICIAL.stream().map(r -> new Rir(r.name(), URI.create(b + r.fileName()))).toList();
    }

    /** The files fetched from. */
    public List<Rir> rirs() {
        return rirs;
    }

    /**
     * Downloads and verifies every file, then installs them in {@code store}.
     *
     * @throws Message.Problem naming the file and what went wrong (HTTP status, checksum, cut-off body,
     *                         timeout, a line that is not delegated statistics); the store is then unchanged
     */
    public RegistryStore.UpdateResult install(RegistryStore store, Listener listener) {
        Path staging;
        try {
            Files.createDirectories(store.dir());
            staging = Files.createDirectory(store.dir().resolve(".download-" + UUID.randomUUID().toString().substring(0, 8)));
        } catch (IOException e) {
            throw new Message.Problem("登録データの保存先を作れません: " + store.dir() + ": " + e.getMessage(),
                    "cannot create the registry store " + store.dir() + ": " + e.getMessage());
        }
        try {
            for (Rir rir : rirs) {
                fetch(rir, staging.resolve(rir.fileName()), listener);
            }
            return store.update(staging);
        } catch (RegistryException e) {
            throw new Message.Problem("ダウンロードしたファイルを登録データとして使えません（保存先は変更していません）: " + e.message("ja"),
                    "a downloaded file is not usable registry data (the store is unchanged): " + e.getMessage());
        } finally {
            deleteTree(staging);
        }
    }

    private void fetch(Rir rir, Path target, Listener listener) {
        String expected = publishedMd5(rir);
        MessageDigest md5 = md5();
        long n = 0;
        try {
            HttpResponse<InputStream> r = get(rir.uri());
            try (InputStream in = r.body(); OutputStream out = Files.newOutputStream(target); Stall stall = new Stall(in, timeout)) {
                check(r, rir.uri());
                long size = r.headers().firstValueAsLong("Content-Length").orElse(-1);
                listener.fetching(rir, size);
                byte[] buf = new byte[64 * 1024];
                for (int k; (k = stall.read(buf)) >= 0;) {
                    md5.update(buf, 0, k);
                    out.write(buf, 0, k);
                    n += k;
                    if (n > MAX_FILE_BYTES) {
                        throw new Message.Problem(rir.uri() + ": " + MAX_FILE_BYTES / 1024 / 1024 + " MB を超えています。統計ファイルではありません",
                                rir.uri() + ": larger than " + MAX_FILE_BYTES / 1024 / 1024 + " MB: not a statistics file");
                    }
                    listener.received(rir, n);
                }
                if (size >= 0 && n != size) {
                    throw cutOff(rir, n, size, null);
                }
            }
        } catch (IOException e) {
            throw cutOff(rir, n, -1, e);
        }
        String actual = HexFormat.of().formatHex(md5.digest());
        if (!actual.equalsIgnoreCase(expected)) {
            throw new Message.Problem(rir.uri() + ": MD5 が公開されている値と一致しません（公開 " + expected + "、受信 " + actual
                    + "）。転送中に壊れたか、取得中に RIR がファイルを更新した可能性があります。時間をおいてやり直してください",
                    rir.uri() + ": the MD5 does not match the published one (published " + expected + ", received " + actual
                            + "): damaged on the way, or the RIR replaced the file meanwhile; try again later");
        }
        listener.verified(rir, n, actual);
    }

    /**
     * Reads a response body, closing it when no byte arrived for {@code timeout} (the client's own timeout ends when
     * the headers arrive; a server that stops sending mid-body would otherwise hold the download for ever).
     */
    private static final class Stall implements AutoCloseable {
        private final InputStream in;
        private final java.util.concurrent.ScheduledExecutorService watch;
        private volatile long last = System.nanoTime();
        private volatile boolean stalled;

        Stall(InputStream in, Duration timeout) {
            this.in = in;
            this.watch = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "mamori-download-watch");
                t.setDaemon(true);
                return t;
            });
            long limit = timeout.toNanos();
            watch.scheduleWithFixedDelay(() -> {
                if (System.nanoTime() - last > limit) {
                    stalled = true;
                    try {
                        in.close();
                    } catch (IOException e) {
                        // the reader sees the stream closed in any case
                    }
                }
            }, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        }

        int read(byte[] buf) throws IOException {
            try {
                int k = in.read(buf);
                last = System.nanoTime();
                return k;
            } catch (IOException e) {
                throw stalled ? new HttpTimeoutException("no data for too long") : e;
            }
        }

        @Override
        public void close() {
            watch.shutdownNow();
        }
    }

    /** The checksum published beside the file. */
    private String publishedMd5(Rir rir) {
        try {
            HttpResponse<InputStream> r = get(rir.md5());
            byte[] body;
            try (InputStream in = r.body()) {
                check(r, rir.md5());
                body = in.readNBytes((int) MAX_MD5_BYTES);
            }
            Matcher m = MD5.matcher(new String(body, StandardCharsets.US_ASCII));
            if (!m.find()) {
                throw new Message.Problem(rir.md5() + ": MD5 の値が見つかりません", rir.md5() + ": no MD5 checksum in it");
            }
            return m.group(1).toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            throw cutOff(new Rir(rir.name(), rir.md5()), 0, -1, e);
        }
    }

    private HttpResponse<InputStream> get(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "mamori")
                .GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void check(HttpResponse<InputStream> r, URI uri) {
        if (r.statusCode() != 200) {
            throw new Message.Problem(uri + ": サーバーの応答が HTTP " + r.statusCode() + " でした（ファイルを取得できません）",
                    uri + ": the server answered HTTP " + r.statusCode() + " (the file could not be fetched)");
        }
    }

    private static Message.Problem cutOff(Rir rir, long got, long size, IOException e) {
        if (e instanceof HttpTimeoutException || e instanceof java.net.http.HttpConnectTimeoutException) {
            return new Message.Problem(rir.uri() + ": 時間内に応答がありません（" + e.getMessage() + "）",
                    rir.uri() + ": no answer in time (" + e.getMessage() + ")");
        }
        String what = size >= 0 ? got + " / " + size + " bytes" : got + " bytes";
        String why = e == null ? "" : " (" + e.getMessage() + ")";
        return new Message.Problem(rir.uri() + ": 受信が途中で切れました（" + what + "）" + why,
                rir.uri() + ": the transfer was cut off (" + what + ")" + why);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path p) {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        } catch (IOException e) {
            // a leftover .download- folder is never read
        }
    }
}
