package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LangRobustnessTest {

    private static final List<Recognizer> RECOGNIZERS = List.of(new NameRecognizer(), new AddressRecognizer(), new SensitiveRecognizer());
    private static final String ALPHABET = "山田太郎様佐藤花子さん東京都千代田区霞が関一丁目2番号-－ 　、。がんばる障害HIV〒\n\t\u0000\uD800\uDC00髙﨑株式会社㈱ｱｲｳﾞ";

    private static List<ScanContext> contexts() {
        Set<PiiType> all = Set.of(PiiType.values());
        return List.of(ScanContext.freeText(), new ScanContext(Set.of(PiiType.PERSON), all), new ScanContext(Set.of(PiiType.ADDRESS), all),
                new ScanContext(Set.of(PiiType.PHONE), all));
    }

    private static String random(Random rnd, int len) {
        StringBuilder b = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            b.append(rnd.nextInt(10) == 0 ? (char) rnd.nextInt(0x10000) : ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    @Test
    void randomInputNeverThrowsAndSpansMatchTheText() {
        Random rnd = new Random(7);
        for (int n = 0; n < 3000; n++) {
            String s = random(rnd, rnd.nextInt(n % 100 == 0 ? 10000 : 60));
            for (ScanContext ctx : contexts()) {
                for (Recognizer r : RECOGNIZERS) {
                    List<Finding> out = new ArrayList<>();
                    r.find(s, ctx, out);
                    for (Finding f : out) {
                        assertThat(r.types()).contains(f.type());
                        assertThat(f.end()).isLessThanOrEqualTo(s.length());
                        assertThat(s.substring(f.start(), f.end())).isEqualTo(f.value());
                    }
                }
            }
        }
    }

    @Test
    void threadsGetTheSameFindingsAsOneThread() throws Exception {
        String text = "担当：鈴木。山田太郎様（東京都千代田区霞が関一丁目2番2号）は糖尿病で通院中、佐藤製薬の佐藤 花子さんは創価学会の信者。";
        List<Finding> expected = scanAll(text);
        assertThat(expected).isNotEmpty();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Finding>>> fs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                fs.add(pool.submit(() -> scanAll(text)));
            }
            for (Future<List<Finding>> f : fs) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Finding> scanAll(String text) {
        List<Finding> out = new ArrayList<>();
        for (Recognizer r : RECOGNIZERS) {
            r.find(text, ScanContext.freeText(), out);
        }
        return out;
    }
}
