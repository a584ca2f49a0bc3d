package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IdContextGateTest {

    @Test
    void agreesWithContextWords() {
        String[] texts = {
            "電話番号：03-1234-5678（携帯 TEL）", "生年月日 昭和60年4月1日生まれ", "注文番号 0312345678", "口座番号 普通 1234567 支店",
            "MAIL taro@example.jp phone", "〒100-0001 東京都千代田区", "", "x", "保険者番号 33120015 被保険者証 記号 番号"};
        ContextGate gate = ContextGate.get();
        for (String t : texts) {
            for (PiiType type : PiiType.values()) {
                for (int start = 0; start <= t.length(); start += 3) {
                    int end = Math.min(t.length(), start + 5);
                    assertThat(gate.score(type, t, start, end)).as(type + " in " + t + " at " + start)
                            .isCloseTo(ContextWords.get().score(type, t, start, end), within(1e-9));
                }
            }
        }
    }
}
