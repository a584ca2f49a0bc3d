package dev.mamori.cli.bench;

import dev.mamori.report.AtomicFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Generates a realistic Japanese customer table for benchmarks: names in kanji and kana, 和暦 and
 * 西暦 birth dates, postal codes, addresses with 丁目 and 番地, fixed and mobile phones, e-mail,
 * some My Numbers with valid check digits, and a free-text remarks column that sometimes names a
 * person or a condition. All values are random combinations of common parts: no real person.
 */
final class CustomerRows {

    static final String HEADER = "顧客ID,氏名,フリガナ,性別,生年月日,郵便番号,住所,電話番号,携帯電話,メールアドレス,個人番号,備考";

    private static final String[][] SURNAMES = {
            {"佐藤", "サトウ"}, {"鈴木", "スズキ"}, {"高橋", "タカハシ"}, {"田中", "タナカ"}, {"伊藤", "イトウ"}, {"渡辺", "ワタナベ"},
            {"山本", "ヤマモト"}, {"中村", "ナカムラ"}, {"小林", "コバヤシ"}, {"加藤", "カトウ"}, {"吉田", "ヨシダ"}, {"山田", "ヤマダ"},
            {"佐々木", "ササキ"}, {"山口", "ヤマグチ"}, {"松本", "マツモト"}, {"井上", "イノウエ"}, {"木村", "キムラ"}, {"林", "ハヤシ"},
            {"斎藤", "サイトウ"}, {"清水", "シミズ"}, {"山崎", "ヤマザキ"}, {"森", "モリ"}, {"池田", "イケダ"}, {"橋本", "ハシモト"},
            {"阿部", "アベ"}, {"石川", "イシカワ"}, {"山下", "ヤマシタ"}, {"中島", "ナカジマ"}, {"石井", "イシイ"}, {"小川", "オガワ"}};
    private static final String[][] GIVEN = {
            {"太郎", "タロウ"}, {"花子", "ハナコ"}, {"健一", "ケンイチ"}, {"美咲", "ミサキ"}, {"大輔", "ダイスケ"}, {"陽子", "ヨウコ"},
            {"翔太", "ショウタ"}, {"由美", "ユミ"}, {"誠", "マコト"}, {"恵子", "ケイコ"}, {"拓也", "タクヤ"}, {"直美", "ナオミ"},
            {"浩", "ヒロシ"}, {"真由美", "マユミ"}, {"和也", "カズヤ"}, {"愛", "アイ"}, {"隆", "タカシ"}, {"久美子", "クミコ"},
            {"蓮", "レン"}, {"結衣", "ユイ"}};
    private static final String[][] PLACES = {
            {"東京都", "千代田区", "霞が関"}, {"東京都", "新宿区", "西新宿"}, {"東京都", "世田谷区", "三軒茶屋"}, {"神奈川県", "横浜市中区", "山下町"},
            {"大阪府", "大阪市北区", "梅田"}, {"愛知県", "名古屋市中村区", "名駅"}, {"北海道", "札幌市中央区", "大通西"},
            {"福岡県", "福岡市博多区", "博多駅前"}, {"京都府", "京都市左京区", "吉田本町"}, {"兵庫県", "神戸市中央区", "三宮町"},
            {"宮城県", "仙台市青葉区", "一番町"}, {"広島県", "広島市中区", "紙屋町"}, {"埼玉県", "さいたま市浦和区", "高砂"},
            {"千葉県", "千葉市中央区", "富士見"}, {"青森県", "青森市", "長島"}, {"沖縄県", "那覇市", "久茂地"}};
    private static final String[] KANJI_NUM = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
    private static final String[] DOMAINS = {"example.com", "example.jp", "example.co.jp", "example.ne.jp"};
    private static final String[] REMARKS = {
            "特記事項なし", "定期購入の案内を送付済み", "{name}様より住所変更の連絡あり", "配送は午前中希望",
            "{date}に来店、ポイントカード再発行", "糖尿病のため食事制限あり、商品選定に配慮", "電話連絡は夕方以降を希望",
            "担当：{name}。次回訪問は来月", "請求書は会社宛て（株式会社サンプル商事）", "キャンペーン応募済み",
            "", "", "", "領収書の宛名は{name}様"};

    private final SplittableRandom random;

    CustomerRows(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Writes a CSV of at least {@code bytes} bytes (in UTF-8 terms) to {@code out}, atomically. */
    void writeCsv(Path out, long bytes, Charset charset) throws IOException {
        try (AtomicFiles.Pending p = AtomicFiles.open(out);
             BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(p.stream(), charset))) {
            w.write(HEADER);
            w.write("\r\n");
            long written = 0;
            StringBuilder b = new StringBuilder(512);
            for (long id = 1; written < bytes; id++) {
                b.setLength(0);
                row(b, id);
                b.append("\r\n");
                w.append(b);
                written += utf8Length(b);
            }
            w.flush();
            p.commit();
        }
    }

    void row(StringBuilder b, long id) {
        String[] s = pick(SURNAMES);
        String[] g = pick(GIVEN);
        b.append("C").append(1_000_000 + id).append(',');
        b.append(s[0]).append(random.nextInt(4) == 0 ? "　" : " ").append(g[0]).append(',');
        b.append(s[1]).append(' ').append(g[1]).append(',');
        b.append(random.nextBoolean() ? "男" : "女").append(',');
        int year = 1940 + random.nextInt(65);
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        if (random.nextInt(3) == 0 && year >= 1927 && year <= 1988) {
            b.append("昭和").append(year - 1925).append('年').append(month).append('月').append(day).append('日');
        } else {
            b.append(year).append('/').append(two(month)).append('/').append(two(day));
        }
        b.append(',');
        b.append(100 + random.nextInt(900)).append('-').append(four(random.nextInt(10000))).append(',');
        String[] p = pick(PLACES);
        b.append(p[0]).append(p[1]).append(p[2]).append(KANJI_NUM[random.nextInt(9)]).append("丁目")
                .append(1 + random.nextInt(30)).append('番').append(1 + random.nextInt(20)).append('号');
        if (random.nextInt(3) == 0) {
            b.append(" サンプルマンション").append(100 + random.nextInt(900)).append("号室");
        }
        b.append(',');
        b.append("0").append(3 + random.nextInt(7)).append('-').append(four(random.nextInt(10000))).append('-')
                .append(four(random.nextInt(10000))).append(',');
        b.append("0").append(7 + random.nextInt(3)).append("0-").append(four(random.nextInt(10000))).append('-')
                .append(four(random.nextInt(10000))).append(',');
        b.append("user").append(id).append('@').append(DOMAINS[random.nextInt(DOMAINS.length)]).append(',');
        if (random.nextInt(4) == 0) {
            b.append(myNumber());
        }
        b.append(',');
        String remark = REMARKS[random.nextInt(REMARKS.length)];
        b.append(remark.replace("{name}", pick(SURNAMES)[0]).replace("{date}", "2024年" + month + "月" + day + "日"));
    }

    /** A random 12-digit number with a valid My Number check digit (番号法施行令8条). */
    String myNumber() {
        int[] d = new int[11];
        for (int i = 0; i < 11; i++) {
            d[i] = random.nextInt(10);
        }
        StringBuilder b = new StringBuilder(12);
        for (int x : d) {
            b.append(x);
        }
        return b.append(dev.mamori.detect.Validators.myNumberCheckDigit(b)).toString();
    }

    private String[] pick(String[][] a) {
        return a[random.nextInt(a.length)];
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : String.valueOf(v);
    }

    private static String four(int v) {
        String s = String.valueOf(v);
        return "0000".substring(s.length()) + s;
    }

    static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }
}
