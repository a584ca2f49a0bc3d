package dev.mamori.server.register;

import dev.mamori.detect.JapaneseEra;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Values as pages and exports show them, in the request's language: dates with the 和暦 beside them, yes/no, the
 * name of a choice, numbers grouped. Templates call it as {@code @show}.
 */
@Component("show")
public class Display {

    private final MessageSource messages;

    Display(MessageSource messages) {
        this.messages = messages;
    }

    public String value(Object v) {
        Locale l = LocaleContextHolder.getLocale();
        if (v == null) {
            return "—";
        }
        if (v instanceof LocalDate d) {
            String w = JapaneseEra.format(d);
            return l.getLanguage().equals("ja") && w != null ? d + "（" + w + "）" : d.toString();
        }
        if (v instanceof Boolean b) {
            return messages.getMessage(b ? "yes" : "no", null, l);
        }
        if (v instanceof Enum<?> e) {
            return choice(e);
        }
        if (v instanceof Long || v instanceof Integer) {
            return grouped(((Number) v).longValue());
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(this::value).collect(Collectors.joining(l.getLanguage().equals("ja") ? "、" : ", "));
        }
        return v.toString();
    }

    /** The name of an enum constant: the message {@code enum.<Outer>.<Enum>.<NAME>}, or its Java name. */
    public String choice(Enum<?> e) {
        return messages.getMessage(key(e.getDeclaringClass(), e.name()), null, e.name(), LocaleContextHolder.getLocale());
    }

    /** The name of option {@code name} of enum field {@code f} of register {@code r}. */
    public String option(Register<?> r, Field f, String name) {
        Class<?> t = r.field(f.name()).map(x -> componentType(r, x)).orElseThrow();
        return messages.getMessage(key(t, name), null, name, LocaleContextHolder.getLocale());
    }

    /** The label of a field. */
    public String label(Register<?> r, Field f) {
        return messages.getMessage("field." + r.name() + "." + f.json(), null, f.json(), LocaleContextHolder.getLocale());
    }

    /** The help text of a field, or null. */
    public String help(Register<?> r, Field f) {
        return messages.getMessage("help." + r.name() + "." + f.json(), null, null, LocaleContextHolder.getLocale());
    }

    private static Class<?> componentType(Register<?> r, Field f) {
        for (var c : r.type().getRecordComponents()) {
            if (c.getName().equals(f.name())) {
                return c.getType();
            }
        }
        throw new IllegalArgumentException(f.name());
    }

    private static String key(Class<?> enumType, String name) {
        String n = enumType.getName();
        return "enum." + n.substring(n.lastIndexOf('.') + 1).replace('$', '.') + "." + name;
    }

    /**
     * {@code 1,234,567}: digits in groups of three. By hand because it is on every row of a list page, where
     * {@code String.format("%,d")} (a Formatter and the locale's symbols per call) was a tenth of the page's time.
     */
    static String grouped(long n) {
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        int len = digits.length() - sign;
        StringBuilder b = new StringBuilder(digits.length() + len / 3).append(digits, 0, sign);
        int first = len % 3 == 0 ? 3 : len % 3;
        b.append(digits, sign, sign + first);
        for (int i = sign + first; i < digits.length(); i += 3) {
            b.append(',').append(digits, i, i + 3);
        }
        return b.toString();
    }
}
