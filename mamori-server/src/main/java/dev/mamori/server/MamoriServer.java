package dev.mamori.server;

import dev.mamori.server.audit.AuditVerifyCommand;
import dev.mamori.server.db.DbCopyCommand;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mamori serve}: the personal-data ledger in the browser and over REST. The launcher ({@code ./mamori serve},
 * {@code ./mamori audit verify}, {@code ./mamori db copy}) runs this jar; the command-line jar never loads Spring.
 */
@SpringBootApplication
@EnableScheduling
public class MamoriServer {

    /** Today and now, in Japan (deadlines are counted in Japanese days). */
    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Tokyo"));
    }

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new Root());
        cl.addSubcommand(new Serve()).addSubcommand("audit", new CommandLine(new Audit()).addSubcommand(new AuditVerifyCommand()))
                .addSubcommand("db", new CommandLine(new Db()).addSubcommand(new DbCopyCommand()));
        System.exit(cl.execute(args));
    }

    @Command(name = "mamori", mixinStandardHelpOptions = true, description = "台帳サーバー / the ledger server")
    static final class Root {
        @Option(names = "--lang", scope = CommandLine.ScopeType.INHERIT, description = {"受け付けますが、サーバーの表示は日英併記で、画面は日本語（?lang=en で英語）です。",
                "Accepted as for the other commands; the server prints both languages, and pages are Japanese (?lang=en for English)."})
        String lang;
    }

    /**
     * {@code serve --behind-proxy}: Tomcat takes the scheme, host and client address from the proxy's X-Forwarded-*
     * headers, so redirects go to https://, the session cookie is {@code Secure} and HSTS is sent. Only a proxy on
     * this machine is believed: from anyone else the headers would let a client claim https or another address.
     * (Spring properties given with -D, e.g. server.tomcat.remoteip.internal-proxies, take precedence.)
     */
    static Map<String, Object> behindProxy() {
        return Map.of("server.forward-headers-strategy", "native",
                "server.tomcat.remoteip.internal-proxies", "127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|0:0:0:0:0:0:0:1|::1");
    }

    /**
     * Tomcat's worker threads. Its default, 200, suits requests that mostly wait; these mostly compute (the embedded
     * database runs in this process) or wait briefly on a local database. With 200, fifty clients made fifty threads
     * share two cores and every request took as long as the slowest share: p99 of a list page 223 ms at 644 pages/s.
     * With 16 the others wait in a queue, in order, and each runs to its end: 123 ms at 796 pages/s (docs/benchmarks.md).
     */
    static Map<String, Object> threads(int n) {
        return Map.of("server.tomcat.threads.max", n, "server.tomcat.threads.min-spare", Math.min(10, n));
    }

    @Command(name = "audit", mixinStandardHelpOptions = true, description = "監査ログ / the audit log")
    static final class Audit {
    }

    @Command(name = "db", mixinStandardHelpOptions = true, description = "データベースの移行 / moving the database")
    static final class Db {
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"個人データ台帳のサーバーを起動します（ブラウザと REST API）。",
                    "Starts the personal-data ledger server (browser and REST API).", "",
                    "既定では組み込みデータベース（H2）を --data のフォルダーに作ります。本番では PostgreSQL を",
                    "--db-url で指定し、ユーザー名とパスワードは環境変数 MAMORI_DB_USER / MAMORI_DB_PASSWORD で渡します。",
                    "初回起動時に管理者 admin を作り、その初期パスワードを一度だけ表示します（MAMORI_ADMIN_PASSWORD があればそれ）。",
                    "By default an embedded database (H2) is kept in the --data folder; for production give PostgreSQL",
                    "with --db-url and the user and password in MAMORI_DB_USER / MAMORI_DB_PASSWORD. On first start the",
                    "administrator 'admin' is created and its one-time password printed once (or MAMORI_ADMIN_PASSWORD)."},
            footer = {"", "例 / Examples:", "  ./mamori serve", "  ./mamori serve --port 8443 --data /var/lib/mamori",
                    "  ./mamori serve --behind-proxy --data /var/lib/mamori      (nginx → http://127.0.0.1:8080)",
                    "  MAMORI_DB_USER=mamori MAMORI_DB_PASSWORD=… ./mamori serve --db-url jdbc:postgresql://localhost/mamori"})
    static final class Serve implements Callable<Integer> {
        @Option(names = "--port", description = "待ち受けるポート / port to listen on (default: ${DEFAULT-VALUE})", defaultValue = "8080")
        int port;

        @Option(names = "--data", description = "データフォルダー（H2 のファイル） / data folder (default: ${DEFAULT-VALUE})",
                defaultValue = "mamori-data")
        Path data;

        @Option(names = "--db-url", description = "PostgreSQL の JDBC URL / JDBC URL of a PostgreSQL database")
        String dbUrl;

        @Option(names = "--bind", description = "待ち受けるアドレス / address to bind (default: ${DEFAULT-VALUE})", defaultValue = "127.0.0.1")
        String bind;

        @Option(names = "--behind-proxy", description = {"TLS を終端するリバースプロキシ（同じマシンの nginx など）の X-Forwarded-Proto/Host/For を信頼します",
                "trust X-Forwarded-Proto/Host/For from a reverse proxy terminating TLS on this machine (nginx, Apache)"})
        boolean behindProxy;

        @Option(names = "--threads", paramLabel = "N", description = {
                "同時に処理する要求の数（既定: コア数 × 8）。それ以上は届いた順に待ちます",
                "requests worked on at once (default: 8 per core); more wait in the order they came"})
        Integer threads;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            if (threads != null && threads < 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads: at least 1, not " + threads);
            }
            Map<String, Object> props = new LinkedHashMap<>(Database.properties(data, dbUrl, System.getenv()));
            props.put("server.port", port);
            props.put("server.address", bind);
            props.putAll(threads(threads == null ? 8 * Runtime.getRuntime().availableProcessors() : threads));
            if (behindProxy) {
                props.putAll(behindProxy());
            }
            SpringApplication app = new SpringApplication(MamoriServer.class);
            app.setDefaultProperties(props);
            CountDownLatch closed = new CountDownLatch(1);
            app.addListeners((ApplicationListener<ContextClosedEvent>) e -> closed.countDown());
            app.run();
            closed.await(); // serve until the context closes (Ctrl-C, SIGTERM)
            return 0;
        }
    }
}
