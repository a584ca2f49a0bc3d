package dev.mamori.assess;

/**
 * One choice of an answer set. {@code value} is what the choice scores (null: not scored);
 * {@code deficiency} marks answers that call for improvement; {@code na} (該当なし) removes the
 * question from both the score and the maximum. {@code from}/{@code below} give the numeric range
 * a choice stands for (対象人数 1万人以上10万人未満), when it stands for one.
 */
public record Choice(String key, Label label, Double value, boolean deficiency, boolean na, Double from, Double below) {

    boolean covers(double n) {
        return (from == null || n >= from) && (below == null || n < below);
    }
}
