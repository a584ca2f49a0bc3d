package dev.mamori.detect;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;

/**
 * Throughput of the language recognizers (PERSON, ADDRESS, SENSITIVE_*) on one thread, on a
 * synthetic Japanese customer table: 氏名, フリガナ, 住所 (hinted columns) and one free-text 備考
 * column. Not a unit test; run with
 * {@code java -cp mamori-core/target/classes:mamori-core/target/test-classes:<lucene jars> dev.mamori.detect.LangThroughput [rows]}.
 */
public final class LangThroughput {

    private static final String[] SEI = {"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水", "髙橋", "山﨑"};
    private static final String[] SEI_KANA = {"サトウ", "スズキ", "タカハシ", "タナカ", "イトウ", "ワタナベ", "ヤマモト", "ナカムラ", "コバヤシ", "カトウ", "ヨシダ", "ヤマダ", "ササキ", "ヤマグチ", "マツモト", "イノウエ", "キムラ", "ハヤシ", "サイトウ", "シミズ", "タカハシ", "ヤマザキ"};
    private static final String[] MEI = {"太郎", "花子", "一郎", "直美", "健太", "美咲", "大輔", "陽子", "翔太", "由美"};
    private static final String[] MEI_KANA = {"タロウ", "ハナコ", "イチロウ", "ナオミ", "ケンタ", "ミサキ", "ダイスケ", "ヨウコ", "ショウタ", "ユミ"};
    private static final String[] CITY = {"東京都千代田区霞が関", "大阪府大阪市北区梅田", "神奈川県横浜市港北区日吉", "愛知県名古屋市中区栄", "福岡県福岡市博多区博多駅前", "北海道札幌市中央区北1条西", "京都府京都市左京区吉田本町", "埼玉県さいたま市浦和区高砂"};
    private static final String[] NOTE = {"", "", "", "", "", "", "次回訪問は来月予定", "電話がつながらないため折り返し待ち", "担当：鈴木より引継ぎ", "山田様より住所変更の連絡あり",
        "糖尿病のため配送日時に配慮", "ポイント利用希望。メール配信停止済み", "佐藤製薬の件で問い合わせ", "支払い方法をクレジットカードに変更"};

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        String[] header = {"顧客ID", "氏名", "フリガナ", "郵便番号", "住所", "電話番号", "メールアドレス", "生年月日", "備考"};
        List<String[]> table = table(rows);
        List<Recognizer> recognizers = List.of(new NameRecognizer(), new AddressRecognizer(), new SensitiveRecognizer());
        List<ScanContext> contexts = new ArrayList<>();
        for (String h : header) {
            contexts.add(new ScanContext(ColumnHints.get().forHeader(h), Set.of(PiiType.values())));
        }
        long bytes = 0;
        long chars = 0;
        StringBuilder notes = new StringBuilder();
        for (String[] r : table) {
            for (String c : r) {
                bytes += c.getBytes(StandardCharsets.UTF_8).length + 1;
            }
            notes.append(r[8]).append('\n');
        }
        String free = notes.toString();
        for (int round = 0; round < 4; round++) { // the first rounds warm up the JIT
            long t0 = System.nanoTime();
            long found = 0;
            List<Finding> out = new ArrayList<>();
            for (String[] r : table) {
                for (int c = 0; c < r.length; c++) {
                    for (Recognizer rec : recognizers) {
                        out.clear();
                        rec.find(r[c], contexts.get(c), out);
                        found += out.size();
                    }
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("round %d: %d rows, %.1f MB in %.2f s = %.1f MB/s per core, %d findings%n", round, rows, bytes / 1e6, s, bytes / 1e6 / s, found);
        }
        for (JapaneseTokenizer.Mode mode : new JapaneseTokenizer.Mode[] {JapaneseTokenizer.Mode.NORMAL, JapaneseTokenizer.Mode.SEARCH}) {
            JapaneseTokenizer t = new JapaneseTokenizer(null, true, mode);
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                long tokens = 0;
                for (String[] r : table) {
                    tokens += tokenize(t, r[8]);
                }
                double s = (System.nanoTime() - t0) / 1e9;
                chars = free.length();
                System.out.printf("Kuromoji %s on 備考 cells: %.0f chars/s (%d tokens)%n", mode, chars / s, tokens);
            }
        }
        String prose = String.join("。", NOTE).repeat(2000);
        List<Finding> out = new ArrayList<>();
        NameRecognizer names = new NameRecognizer();
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            names.find(prose, ScanContext.freeText(), out);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("NameRecognizer on free prose: %.0f chars/s%n", prose.length() / s);
        }
    }

    private static int tokenize(JapaneseTokenizer t, String s) {
        int n = 0;
        try {
            t.setReader(new StringReader(s));
            t.reset();
            while (t.incrementToken()) {
                n++;
            }
            t.end();
            t.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return n;
    }

    private static List<String[]> table(int rows) {
        Random rnd = new Random(42);
        List<String[]> t = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            int s = rnd.nextInt(SEI.length);
            int m = rnd.nextInt(MEI.length);
            String addr = CITY[rnd.nextInt(CITY.length)] + (1 + rnd.nextInt(9)) + "-" + (1 + rnd.nextInt(20)) + "-" + (1 + rnd.nextInt(30))
                    + (rnd.nextInt(3) == 0 ? " サンライズマンション" + (101 + rnd.nextInt(800)) + "号室" : "");
            t.add(new String[] {
                String.format("C%07d", i), SEI[s] + (rnd.nextBoolean() ? " " : "　") + MEI[m], SEI_KANA[s] + " " + MEI_KANA[m],
                String.format("%03d-%04d", rnd.nextInt(1000), rnd.nextInt(10000)), addr,
                String.format("090-%04d-%04d", rnd.nextInt(10000), rnd.nextInt(10000)), "user" + i + "@example.jp",
                String.format("19%02d/%02d/%02d", 40 + rnd.nextInt(60), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)), NOTE[rnd.nextInt(NOTE.length)]});
        }
        return t;
    }
}
