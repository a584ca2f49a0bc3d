package dev.mamori.server.register;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.detect.JapaneseEra;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A register's form as a person filled it in: the text of each field, read into an entry, with a problem for each
 * value that is not of its field's kind (a date that is no date, a number with letters, a choice not offered).
 * Dates may be written in the Western calendar (2026-12-03, 2026/12/3) or in 和暦 (令和8年12月3日, R8.12.3).
 */
public final class FormReader {

    private static final Pattern WESTERN = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
    private static final Pattern WAREKI = Pattern.compile("(明治|大正|昭和|平成|令和|[MTSHRmtshr])\\s*(元|\\d{1,2})[年.](\\d{1,2})[月.](\\d{1,2})日?");

    private FormReader() {
    }

    /**
     * The entry the form's {@code text} (by the fields' JSON names) gives, or null when a value could not be read;
     * each such value adds a problem (field's JSON name → message code) to {@code problems}.
     */
    public static <T extends Record & Entry> T read(Register<T> r, Map<String, String> text, ObjectMapper json, Map<String, String> problems) {
        ObjectNode node = json.createObjectNode();
        for (Field f : r.fields()) {
            String raw = text.get(f.json());
            String v = raw == null ? "" : raw.strip();
            switch (f.kind()) {
                case YES_NO -> node.put(f.json(), v.equals("true") || v.equals("on"));
                case TEXT, TEXTAREA -> node.put(f.json(), v.isEmpty() ? null : v);
                case COUNTRY -> node.put(f.json(), v.isEmpty() ? null : v.toUpperCase(Locale.ROOT));
                case CHOICE -> {
                    if (!v.isEmpty() && !f.options().contains(v)) {
                        problems.put(f.json(), "choice");
                    }
                    node.put(f.json(), v.isEmpty() || !f.options().contains(v) ? null : v);
                }
                case NUMBER -> {
                    String digits = v.replace(",", "").replace("，", "").replace("_", "");
                    if (digits.isEmpty()) {
                        node.putNull(f.json());
                    } else if (digits.matches("-?\\d{1,18}")) {
                        node.put(f.json(), Long.parseLong(digits));
                    } else {
                        problems.put(f.json(), "number");
                    }
                }
                case DATE -> {
                    if (v.isEmpty()) {
                        node.putNull(f.json());
                    } else {
                        LocalDate d = date(v);
                        if (d == null) {
                            problems.put(f.json(), "date");
                        } else {
                            node.put(f.json(), d.toString());
                        }
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return json.treeToValue(node, r.type());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a form read field by field did not make a " + r.type().getSimpleName(), e);
        }
    }

    /** The text each field of {@code entry} shows in its form (dates as yyyy-MM-dd, choices and yes/no as their names). */
    public static <T extends Record & Entry> Map<String, String> text(Register<T> r, T entry) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Field f : r.fields()) {
            Object v = r.value(entry, f);
            m.put(f.json(), v == null ? "" : v instanceof Enum<?> e ? e.name() : v.toString());
        }
        return m;
    }

    /** A day written in the Western calendar or in 和暦, or null when it is not one. */
    static LocalDate date(String s) {
        String t = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).replace(" ", "");
        try {
            Matcher w = WESTERN.matcher(t);
            if (w.matches()) {
                return LocalDate.of(Integer.parseInt(w.group(1)), Integer.parseInt(w.group(2)), Integer.parseInt(w.group(3)));
            }
            Matcher j = WAREKI.matcher(t);
            if (j.matches()) {
                JapaneseEra era = JapaneseEra.of(j.group(1));
                int year = j.group(2).equals("元") ? 1 : Integer.parseInt(j.group(2));
                LocalDate d = LocalDate.of(era.gregorian(year), Integer.parseInt(j.group(3)), Integer.parseInt(j.group(4)));
                // 平成32年 is no day: the era had ended
                return d.isBefore(era.first()) || d.isAfter(era.last()) ? null : d;
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    /** The first value of each parameter. */
    public static Map<String, String> first(Map<String, List<String>> params) {
        Map<String, String> m = new LinkedHashMap<>();
        params.forEach((k, v) -> m.put(k, v.isEmpty() ? "" : v.get(0)));
        return m;
    }
}
