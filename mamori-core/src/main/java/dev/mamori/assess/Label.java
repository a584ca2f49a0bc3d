package dev.mamori.assess;

import dev.mamori.yaml.YamlNode;

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

    /** {ja: …, en: …} under {@code key}, or a plain string taken as Japanese; empty when missing. */
    static Label of(YamlNode node, String key) {
        YamlNode v = node.get(key);
        if (v.missing()) {
            return EMPTY;
        }
        return v.isScalar() ? new Label(v.text(), null) : of(v);
    }

    /** The node's own ja and en. */
    static Label of(YamlNode node) {
        return new Label(node.text("ja"), node.text("en"));
    }

    public boolean isEmpty() {
        return ja.isEmpty() && en.isEmpty();
    }
}
