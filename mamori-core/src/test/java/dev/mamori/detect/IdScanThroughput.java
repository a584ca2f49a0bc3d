package dev.mamori.detect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Throughput of {@link IdentifierRecognizer} on generated, realistic Japanese CSV rows (names,
 * addresses, postal codes, phones, e-mail, birth dates, free text). Not a unit test: run with
 * {@code java -cp target/classes:target/test-classes dev.mamori.detect.IdScanThroughput [MB]}.
 * Reports UTF-8 megabytes of text per second, single thread, after warm-up.
 */
public final class IdScanThroughput {

    private static final String[] SEI = {"山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村", "小林", "加藤"};
    private static final String[] MEI = {"太郎", "花子", "一郎", "美咲", "健太", "さくら", "翔太", "陽菜", "大輔", "由美"};
    private static final String[] PREF = {"東京都千代田区千代田", "大阪府大阪市北区梅田", "神奈川県横浜市西区みなとみらい", "愛知県名古屋市中区栄", "福岡県福岡市博多区博多駅前"};
    private static final String[] TEXT = {
        "いつもお世話になっております。先日ご依頼いただいた件について、担当者より折り返しご連絡いたします。",
        "商品の到着が遅れており大変申し訳ございません。発送準備が整い次第、改めてご案内申し上げます。",
        "会員登録ありがとうございます。ご不明な点がございましたらお気軽にお問い合わせください。",
        "本日は晴天なり。来週の打ち合わせは会議室Ａで行います。資料は事前に共有してください。",
    };

    private IdScanThroughput() {
    }

    static String row(Random r) {
        StringBuilder b = new StringBuilder(256);
        b.append(r.nextInt(100000)).append(',');
        b.append(SEI[r.nextInt(SEI.length)]).append(' ').append(MEI[r.nextInt(MEI.length)]).append(',');
        b.append(String.format("%03d-%04d", r.nextInt(1000), r.nextInt(10000))).append(',');
        b.append(PREF[r.nextInt(PREF.length)]).append(1 + r.nextInt(9)).append('-').append(1 + r.nextInt(20)).append('-').append(1 + r.nextInt(30)).append(',');
        b.append(String.format("0%d0-%04d-%04d", 7 + r.nextInt(3), r.nextInt(10000), r.nextInt(10000))).append(',');
        b.append("user").append(r.nextInt(1000)).append("@example.co.jp,");
        b.append(r.nextBoolean() ? String.format("%d/%02d/%02d", 1940 + r.nextInt(60), 1 + r.nextInt(12), 1 + r.nextInt(28))
                : "昭和" + (20 + r.nextInt(40)) + "年" + (1 + r.nextInt(12)) + "月" + (1 + r.nextInt(28)) + "日").append(',');
        b.append(TEXT[r.nextInt(TEXT.length)]).append(TEXT[r.nextInt(TEXT.length)]).append('\n');
        return b.toString();
    }

    public static void main(String[] args) {
        int mb = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        Random r = new Random(1);
        List<String> rows = new ArrayList<>();
        long bytes = 0;
        StringBuilder chunk = new StringBuilder();
        List<String> chunks = new ArrayList<>();
        while (bytes < mb * 1_000_000L) {
            String s = row(r);
            bytes += s.getBytes(StandardCharsets.UTF_8).length;
            chunk.append(s);
            if (chunk.length() > 64 * 1024) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
            rows.add(s);
        }
        chunks.add(chunk.toString());
        IdentifierRecognizer rec = new IdentifierRecognizer();
        ScanContext ctx = ScanContext.freeText();
        for (String mode : new String[] {"cells(row)", "chunks(64k)"}) {
            List<String> in = mode.startsWith("cells") ? rows : chunks;
            for (int round = 0; round < 8; round++) {
                long t0 = System.nanoTime();
                long found = 0;
                List<Finding> out = new ArrayList<>();
                for (String s : in) {
                    out.clear();
                    rec.find(s, ctx, out);
                    found += out.size();
                }
                double sec = (System.nanoTime() - t0) / 1e9;
                System.out.printf("%s round %d: %.1f MB/s (%d findings, %.1f MB)%n", mode, round, bytes / 1e6 / sec, found, bytes / 1e6);
            }
        }
        System.out.println("sample row: " + rows.get(0).strip());
        List<Finding> out = new ArrayList<>();
        rec.find(rows.get(0), ctx, out);
        out.forEach(f -> System.out.println("  " + f.type() + " " + f.masked() + " " + f.confidence()));
    }
}
