package dev.mamori.assess;

/**
 * One row of a PIA's change history (変更箇所): 変更日, 項目, 変更前の記載, 変更後の記載,
 * 提出時期 (事前 = {@link Question.Timing#BEFORE}, 事後 = AFTER) and 提出時期に係る説明.
 */
public record ChangeEntry(String date, String item, String before, String after, Question.Timing timing, String explanation) {

    /** Where the earlier and later texts differ. */
    public TextChange change() {
        return TextChange.of(before, after);
    }

    public String timingLabel(String lang) {
        return "en".equals(lang) ? (timing == Question.Timing.BEFORE ? "before" : "after") : timing == Question.Timing.BEFORE ? "事前" : "事後";
    }
}
