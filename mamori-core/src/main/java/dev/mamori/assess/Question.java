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

    /** The longest written answer a form may give. */
    public static final int MAX_TEXT = 4000;

    /** What a form's values gave: the response ({@code null} when nothing was given or something is wrong), or the problem. */
    public record Given(Response response, dev.mamori.report.Message problem) {
    }

    /**
     * The values a form sends for this question as its response: the chosen keys (one for a choice, any for a multiple
     * choice) or the written text. Blank values are no values.
     */
    public Given read(java.util.List<String> values) {
        java.util.List<String> given = values == null ? java.util.List.of()
                : values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
        if (given.isEmpty()) {
            return new Given(null, null);
        }
        return switch (type) {
            case CHOICE, MULTI -> {
                if (type == Type.CHOICE && given.size() > 1) {
                    yield problem("選べるのは一つです", "choose one");
                }
                if (given.stream().anyMatch(k -> answerSet.find(k).isEmpty())) {
                    yield problem("選択肢にない回答です", "not one of the choices");
                }
                yield new Given(type == Type.CHOICE ? new Response.Chosen(given.get(0)) : new Response.Checked(given.stream().distinct().toList()), null);
            }
            default -> {
                String text = given.get(0);
                if (!accepts(text)) {
                    yield type == Type.DATE ? problem("日付ではありません（2023-12-21 または 令和5年12月21日）", "not a date (2023-12-21 or 令和5年12月21日)")
                            : problem("数値ではありません（350000、350,000 または 35万）", "not a number (350000, 350,000 or 35万)");
                }
                yield text.length() > MAX_TEXT ? problem(MAX_TEXT + " 文字までです", "at most " + MAX_TEXT + " characters")
                        : new Given(new Response.Written(text), null);
            }
        };
    }

    private static Given problem(String ja, String en) {
        return new Given(null, new dev.mamori.report.Message(ja, en));
    }

    public boolean scored() {
        return type == Type.CHOICE && weight > 0;
    }

    /** The highest score this question can add: weight × the set's highest value. */
    public double maxScore() {
        return scored() ? weight * answerSet.maxValue() : 0;
    }
}
