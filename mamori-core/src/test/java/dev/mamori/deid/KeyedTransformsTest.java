package dev.mamori.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyedTransformsTest {

    private static final byte[] BYTES = new byte[32];
    private static final Key KEY = new Key("customers", 1, Instant.EPOCH, BYTES);
    private static final Key OTHER = Key.ephemeral("other");

    @Test
    void pseudonymIsStableAndNormalised() {
        KeyedPseudonym p = new KeyedPseudonym(KEY);
        String a = p.apply("090-1234-5678");
        assertThat(a).matches("P-[A-Z2-7]{26}");
        assertThat(p.apply("０９０－１２３４－５６７８")).isEqualTo(a);
        assertThat(p.apply("  090-1234-5678　")).isEqualTo(a);
        assertThat(new KeyedPseudonym(new Key("customers", 1, Instant.now(), new byte[32])).apply("090-1234-5678"))
                .as("same key bytes in another instance").isEqualTo(a);
        assertThat(new KeyedPseudonym(OTHER).apply("090-1234-5678")).isNotEqualTo(a);
        assertThat(p.apply("090-1234-5679")).isNotEqualTo(a);
    }

    @Test
    void pseudonymKeepsNullEmptyAndTakesAPrefix() {
        KeyedPseudonym p = new KeyedPseudonym(KEY, "CUST_");
        assertThat(p.apply(null)).isNull();
        assertThat(p.apply("")).isEmpty();
        assertThat(p.apply("　")).isEmpty();
        assertThat(p.apply("山田太郎")).startsWith("CUST_").hasSize(5 + 26);
        assertThatThrownBy(() -> new KeyedPseudonym(KEY, "仮ID ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefix");
        assertThatThrownBy(() -> new KeyedPseudonym(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void tokensRoundTripAndAreDeterministic() {
        Tokenize t = new Tokenize(KEY);
        String token = t.apply("山田 太郎");
        assertThat(token).startsWith("T1.").isEqualTo(t.apply("山田 太郎")).doesNotContain("山田");
        assertThat(t.detokenize(token)).isEqualTo("山田 太郎");
        assertThat(t.apply("山田 太郎 ")).as("exact value, not normalised").isNotEqualTo(token);
        assertThat(t.apply(null)).isNull();
        assertThat(t.apply("")).isEmpty();
        assertThat(t.detokenize("")).isEmpty();
    }

    @Test
    void wrongKeyRefusesToRelinkWithoutRevealingAnything() {
        String token = new Tokenize(KEY).apply("山田 太郎");
        Tokenize wrong = new Tokenize(OTHER);
        assertThatThrownBy(() -> wrong.detokenize(token)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot re-link").hasMessageContaining(OTHER.fingerprint())
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token.substring(3), "山田",
                        Base64.getEncoder().encodeToString(BYTES)));
        Key v2 = new Key("customers", 2, Instant.now(), Key.random());
        assertThatThrownBy(() -> new Tokenize(v2).detokenize(token)).hasMessageContaining("version 1");
        String altered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> new Tokenize(KEY).detokenize(altered)).hasMessageContaining("altered");
        assertThatThrownBy(() -> new Tokenize(KEY).detokenize("山田 太郎")).hasMessageContaining("not a Mamori token")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("山田"));
        assertThatThrownBy(() -> new Tokenize(KEY).detokenize("T1.!!!")).hasMessageContaining("base64url");
    }

    @Test
    void ff1KeepsFormatAndReverses() {
        FormatPreserving f = new FormatPreserving(KEY);
        String e = f.apply("090-1234-5678");
        assertThat(e).matches("\\d{3}-\\d{4}-\\d{4}").isNotEqualTo("090-1234-5678").isEqualTo(f.apply("090-1234-5678"));
        assertThat(f.decrypt(e)).isEqualTo("090-1234-5678");
        assertThat(f.apply("１２３４５６")).matches("\\d{6}");
        assertThat(new FormatPreserving(KEY, "phone").apply("090-1234-5678")).as("tweak").isNotEqualTo(e);
        assertThat(new FormatPreserving(OTHER).apply("090-1234-5678")).isNotEqualTo(e);
        assertThat(f.apply(null)).isNull();
        assertThat(f.apply("")).isEmpty();
    }

    @Test
    void ff1RefusesSmallDomainsAndLetters() {
        FormatPreserving f = new FormatPreserving(KEY);
        assertThatThrownBy(() -> f.apply("12-345")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 6 digits").hasMessageContaining("has 5")
                .satisfies(x -> assertThat(x.getMessage()).doesNotContain("12-345"));
        assertThatThrownBy(() -> f.apply("AB123456")).hasMessageContaining("digits only")
                .satisfies(x -> assertThat(x.getMessage()).doesNotContain("AB123456"));
    }

    @Test
    void keyNeverShowsItsBytes() {
        Key k = new Key("k1", 3, Instant.EPOCH, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
            17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        assertThat(k.toString()).isEqualTo("Key[name=k1, version=3, fingerprint=" + k.fingerprint() + "]")
                .doesNotContain(Base64.getEncoder().encodeToString(k.material()));
        assertThat(k.fingerprint()).matches("[0-9a-f]{8}");
        assertThat(new KeyedPseudonym(k).toString()).doesNotContain(Base64.getEncoder().encodeToString(k.material()));
        assertThatThrownBy(() -> new Key("k1", 1, Instant.EPOCH, new byte[16])).hasMessageContaining("256 bits");
        assertThatThrownBy(() -> Key.ephemeral("Bad Name")).hasMessageContaining("key name");
    }
}
