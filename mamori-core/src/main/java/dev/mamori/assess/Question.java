package dev.mamori.assess;

/**
 * One question (設問). Only {@link Type#CHOICE} questions are scored: weight × the chosen value.
 * {@code appliesWhen} null means always asked. {@code ref} is how the form names the item, for the
 * change history (変更箇所); {@code onChange} says when a change to it must be filed.
 */
public record Question(String id, String areaId, Type type, Label text, Label guidance, String source, double weight,
        AnswerSet answerSet, boolean required, Hint hint, Condition appliesWhen, String ref, Timing onChange, int line) {

    public enum Type { CHOICE, MULTI, TEXT, DATE, NUMBER }

    /**
     * When a change must be submitted: 事前 (before it takes effect), 事後, with the rest of its
     * revision, or never (the version's own data, such as its publication date).
     */
    public enum Timing { BEFORE, AFTER, WITH_REVISION, IGNORE }

    /** A typical improvement (改善案) and its difficulty. */
    public record Hint(Label action, Difficulty difficulty) {
    }

    private static final java.util.regex.Pattern DATE =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}|(明治|大正|昭和|平成|令和)(元|\\d{1,2})年\\d{1,2}月\\d{1,2}日");

    /** Whether written text is an answer this question takes: a date (2023-12-21, 令和5年12月21日) or a number where asked
     * (350000, 350,000, ３５０，０００ or 35万: {@link Numbers}). */
    public boolean accepts(String text) {
        return switch (type) {
            case DATE -> DATE.matcher(text.trim()).matches();
            case NUMBER -> Numbers.parse(text) != null;
            default -> true;
        };
    }

    public boolean scored() {
        return type == Type.CHOICE && weight > 0;
    }

    /** The highest score this question can add: weight × the set's highest value. */
    public double maxScore() {
        return scored() ? weight * answerSet.maxValue() : 0;
    }
}
