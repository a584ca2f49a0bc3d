package dev.mamori.server.bench;

import db.migration.V7__dataset_list_columns;
import dev.mamori.server.ServerProcess;
import dev.mamori.server.ServerProcess.Db;
import dev.mamori.server.audit.AuditChain;
import dev.mamori.server.db.Search;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The benchmark's database: the schema (Flyway), an API user with a token, a user for the pages, and {@code n}
 * datasets inserted by JDBC in batches — each with its first history version and its CREATE entry in the audit log's
 * chain, as if they had been made through the server, so {@code audit verify} holds. Values are made up.
 */
final class Seed {

    static final String WEB_USER = "bench-web";

    private static final List<String> KINDS = List.of("顧客名簿", "会員台帳", "従業員名簿", "応募者リスト", "問い合わせ履歴", "配送先一覧",
            "給与明細", "健康診断結果");
    private static final List<String> PURPOSES = List.of("商品の発送と請求", "会員サービスの提供", "人事労務管理", "採用選考",
            "お問い合わせへの回答", "キャンペーンのご案内", "給与計算と支払", "健康管理と安全配慮");
    private static final List<String> SYSTEMS = List.of("基幹システム", "CRM", "人事給与システム", "採用管理", "コールセンター", "EC サイト");
    private static final String ITEMS = "[{\"name\":\"氏名\",\"category\":\"PERSONAL_INFORMATION\",\"types\":[\"PERSON\"]},"
            + "{\"name\":\"住所\",\"category\":\"PERSONAL_INFORMATION\",\"types\":[\"ADDRESS\"]},"
            + "{\"name\":\"電話番号\",\"category\":\"PERSONAL_INFORMATION\",\"types\":[\"PHONE\"]}]";

    private Seed() {
    }

    /** What a client sends to create dataset number {@code n}. */
    static String json(long n) {
        int k = (int) (n % KINDS.size());
        return "{\"name\":\"" + KINDS.get(k) + " " + String.format("%06d", n) + "\",\"purpose\":\"" + PURPOSES.get(k) + "\",\"persons\":"
                + (n % 50_000) + ",\"system_name\":\"" + SYSTEMS.get((int) (n % SYSTEMS.size())) + "\",\"items\":" + ITEMS + "}";
    }

    static void prepare(Db db, String token, String webPassword, int n) throws Exception {
        ServerProcess.prepare(db, "bench", token);
        try (Connection c = connect(db)) {
            try (PreparedStatement ps = c.prepareStatement("insert into app_user (username, password_hash, role, enabled, failed_logins,"
                    + " created_at, must_change_password) values (?, ?, 'STAFF', true, 0, ?, false)")) {
                ps.setString(1, WEB_USER);
                ps.setString(2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(webPassword));
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            c.setAutoCommit(false);
            datasets(c, n);
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("alter table dataset alter column id restart with " + (n + 1));
                if (!db.isH2()) {
                    s.execute("vacuum analyze"); // as autovacuum would have it in steady use, and not in the middle of a measurement
                }
            }
        }
    }

    private static void datasets(Connection c, int n) throws Exception {
        Random random = new Random(11);
        Instant now = Instant.now();
        String prev = AuditChain.GENESIS;
        try (PreparedStatement ds = c.prepareStatement("insert into dataset (id, version, name, purpose, persons, handlers, system_name,"
                + " location, cloud_provider, cloud_country, retention, items_json, item_count, my_number, search_text, evidence_json, created_at,"
                + " updated_at, updated_by) values (?, 1, ?, ?, ?, null, ?, '本社', null, null, '契約終了後 5 年', ?, 3, false, ?, null, ?, ?, 'bench')");
             PreparedStatement hist = c.prepareStatement("insert into dataset_history (dataset_id, version, changed_at, changed_by,"
                     + " snapshot_json) values (?, 1, ?, 'bench', ?)");
             PreparedStatement log = c.prepareStatement("insert into audit_log (seq, at, actor, action, entity, entity_id, detail,"
                     + " prev_hash, hash) values (?, ?, 'bench', 'CREATE', 'dataset', ?, null, ?, ?)")) {
            for (int i = 1; i <= n; i++) {
                int k = i % KINDS.size();
                String name = KINDS.get(k) + " " + String.format("%06d", i);
                String system = SYSTEMS.get(i % SYSTEMS.size());
                Instant at = now.minus(Duration.ofSeconds(random.nextInt(730 * 86_400)));
                ds.setLong(1, i);
                ds.setString(2, name);
                ds.setString(3, PURPOSES.get(k));
                ds.setLong(4, i % 50_000);
                ds.setString(5, system);
                ds.setString(6, ITEMS);
                ds.setString(7, Search.text(V7__dataset_list_columns.SEARCH_MAX, name, PURPOSES.get(k), system));
                ds.setTimestamp(8, Timestamp.from(at));
                ds.setTimestamp(9, Timestamp.from(at));
                ds.addBatch();
                hist.setLong(1, i);
                hist.setTimestamp(2, Timestamp.from(at));
                hist.setString(3, "{\"name\":\"" + name + "\",\"purpose\":\"" + PURPOSES.get(k) + "\",\"persons\":" + (i % 50_000)
                        + ",\"handlers\":null,\"system_name\":\"" + system + "\",\"location\":\"本社\",\"cloud_provider\":null,"
                        + "\"cloud_country\":null,\"retention\":\"契約終了後 5 年\",\"items\":" + ITEMS + ",\"version\":1}");
                hist.addBatch();
                String logged = at.toString();
                String hash = AuditChain.hash(prev, i, logged, "bench", "CREATE", "dataset", Integer.toString(i), null);
                log.setLong(1, i);
                log.setString(2, logged);
                log.setString(3, Integer.toString(i));
                log.setString(4, prev);
                log.setString(5, hash);
                log.addBatch();
                prev = hash;
                if (i % 1000 == 0 || i == n) {
                    ds.executeBatch();
                    hist.executeBatch();
                    log.executeBatch();
                }
            }
        }
        try (PreparedStatement head = c.prepareStatement("update audit_head set seq = ?, hash = ? where id = 1")) {
            head.setLong(1, n);
            head.setString(2, prev);
            head.executeUpdate();
        }
        // the datasets' kept count (migration V5), as the server's inserts would have left it
        try (PreparedStatement count = c.prepareStatement("update row_count set n = (select count(*) from dataset) where name = 'dataset'")) {
            count.executeUpdate();
        }
    }

    /** Removes a PostgreSQL schema the benchmark made (an H2 folder is deleted by the caller). */
    static void drop(Db db) throws Exception {
        if (!db.isH2()) {
            try (Connection c = connect(db); Statement s = c.createStatement()) {
                s.execute("drop schema " + db.schema() + " cascade");
            }
        }
    }

    private static Connection connect(Db db) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", db.user());
        p.setProperty("password", db.password());
        if (!db.isH2()) {
            p.setProperty("reWriteBatchedInserts", "true");
        }
        return DriverManager.getConnection(db.url(), p);
    }
}
