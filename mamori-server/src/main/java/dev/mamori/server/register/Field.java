package dev.mamori.server.register;

import dev.mamori.server.web.ApiErrors;
import dev.mamori.server.web.Country;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A field of a register's entry as forms, pages and exports show it, read from the entry record's component: its
 * type decides the input, its constraints whether it is required and how long it may be.
 *
 * @param name     the component's Java name
 * @param json     the name in JSON, in forms and in messages ({@code field.<register>.<json>}): snake_case
 * @param kind     the input
 * @param options  the constants of an enum field
 * @param required Bean Validation requires it (a basis may require more: {@link Entry#check})
 * @param max      the most characters of a text field
 * @param section  the part of the form it belongs to
 * @param listed   shown as a column of the list page
 */
public record Field(String name, String json, Kind kind, List<String> options, boolean required, int max, String section,
                    boolean listed) {

    public enum Kind { TEXT, TEXTAREA, DATE, NUMBER, YES_NO, CHOICE, COUNTRY }

    /** Text longer than this is a text area. */
    private static final int LONG_TEXT = 200;

    public Field {
        options = List.copyOf(options);
    }

    static List<Field> of(Class<? extends Record> type) {
        String section = "main";
        List<Field> fields = new java.util.ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Section s = c.getAnnotation(Section.class);
            if (s != null) {
                section = s.value();
            }
            // Bean Validation's annotations do not target record components: Java puts them on the accessor (and field)
            java.lang.reflect.Method accessor = c.getAccessor();
            Size size = accessor.getAnnotation(Size.class);
            int max = size == null ? 0 : size.max();
            Class<?> t = c.getType();
            Kind kind;
            List<String> options = List.of();
            if (t == String.class) {
                kind = c.isAnnotationPresent(Country.class) ? Kind.COUNTRY : max > LONG_TEXT ? Kind.TEXTAREA : Kind.TEXT;
            } else if (t == LocalDate.class) {
                kind = Kind.DATE;
            } else if (t == Long.class || t == Integer.class || t == long.class || t == int.class) {
                kind = Kind.NUMBER;
            } else if (t == boolean.class || t == Boolean.class) {
                kind = Kind.YES_NO;
            } else if (t.isEnum()) {
                kind = Kind.CHOICE;
                options = Arrays.stream(t.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
            } else {
                throw new IllegalStateException(type.getSimpleName() + "." + c.getName() + ": a register field cannot be a " + t.getSimpleName());
            }
            boolean required = accessor.isAnnotationPresent(NotNull.class) || accessor.isAnnotationPresent(NotBlank.class);
            fields.add(new Field(c.getName(), ApiErrors.snake(c.getName()), kind, options, required, max, section, c.isAnnotationPresent(Listed.class)));
        }
        return List.copyOf(fields);
    }
}
