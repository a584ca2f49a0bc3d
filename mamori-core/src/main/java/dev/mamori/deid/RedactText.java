package dev.mamori.deid;

import dev.mamori.detect.Detector;
import dev.mamori.detect.Finding;
import dev.mamori.detect.PiiType;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Redacts personal information inside free text (備考, 問い合わせ内容 and other free-text cells): each
 * span the {@link Detector} finds is replaced by a placeholder naming its type in Japanese, so
 * {@code 山田太郎様の電話は090-1234-5678です} becomes {@code 〈氏名〉様の電話は〈電話番号〉です}.
 *
 * <p>This is the deletion of 記述等 and 個人識別符号 that 施行規則31条1号・2号 (仮名加工情報) and 34条1号・2号
 * (匿名加工情報) ask for, applied where they sit inside a longer text rather than in a column of their
 * own. It is only as good as the detector: a name the detector misses stays in the text, so a
 * free-text column meant for 匿名加工情報 should be reviewed or deleted whole ({@link Delete}).
 *
 * @param types         the types to redact (default: all)
 * @param minConfidence findings under this confidence are left as they are
 */
public record RedactText(Set<PiiType> types, double minConfidence) implements Transform {

    /** Detectors are costly to build (some load a morphological dictionary); one per setting. */
    private static final Map<RedactText, Detector> DETECTORS = new ConcurrentHashMap<>();

    /** Redacts every type at {@link Detector#DEFAULT_MIN_CONFIDENCE}. */
    public RedactText() {
        this(EnumSet.allOf(PiiType.class), Detector.DEFAULT_MIN_CONFIDENCE);
    }

    /** Redacts the given types at {@link Detector#DEFAULT_MIN_CONFIDENCE}. */
    public RedactText(Set<PiiType> types) {
        this(types, Detector.DEFAULT_MIN_CONFIDENCE);
    }

    public RedactText {
        if (types == null || types.isEmpty()) {
            throw new IllegalArgumentException("RedactText needs at least one type of personal information to redact");
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("RedactText minConfidence must be between 0 and 1, got " + minConfidence);
        }
        types = Collections.unmodifiableSet(EnumSet.copyOf(types));
    }

    /** The placeholder written in place of a span of this type: {@code 〈電話番号〉}. */
    public static String placeholder(PiiType type) {
        return "〈" + type.japanese() + "〉";
    }

    @Override
    public String apply(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        Detector detector = DETECTORS.computeIfAbsent(this, r -> Detector.of(r.types, r.minConfidence));
        List<Finding> findings = detector.detect(value, detector.freeText());
        return findings.isEmpty() ? value
                : new TextRedactor(detector, TextRedactor.Style.LABEL, dev.mamori.detect.MaskScope.SPAN).redact(value, findings);
    }
}
