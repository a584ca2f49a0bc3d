package dev.mamori.assess;

/** A text in Japanese and English. Japanese is the form's language; English falls back to it. */
public record Label(String ja, String en) {

    static final Label EMPTY = new Label("", "");

    public Label {
        ja = ja == null ? "" : ja;
        en = en == null ? "" : en;
    }

    /** The text in {@code lang} ("ja" or "en"); Japanese when there is no English. */
    public String in(String lang) {
        return "en".equals(lang) && !en.isEmpty() ? en : ja.isEmpty() ? en : ja;
    }

    public boolean isEmpty() {
        return ja.isEmpty() && en.isEmpty();
    }
}
