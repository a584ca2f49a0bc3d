package dev.mamori.server.register;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One register of the ledger: its name (the path of its pages and API, and its messages' prefix), the record type of
 * its entries and their fields.
 *
 * @param name   e.g. {@code provisions}
 * @param type   the entry record
 * @param entity the name the audit log gives its entries
 * @param fields the record's components, in order
 */
public record Register<T extends Record & Entry>(String name, Class<T> type, String entity, List<Field> fields) {

    public Register {
        fields = List.copyOf(fields);
    }

    public static <T extends Record & Entry> Register<T> of(String name, String entity, Class<T> type) {
        return new Register<>(name, type, entity, Field.of(type));
    }

    public Optional<Field> field(String javaName) {
        return fields.stream().filter(f -> f.name().equals(javaName)).findFirst();
    }

    /** The fields by section, in order. */
    public Map<String, List<Field>> sections() {
        return fields.stream().collect(Collectors.groupingBy(Field::section, java.util.LinkedHashMap::new, Collectors.toList()));
    }

    public List<Field> listed() {
        return fields.stream().filter(Field::listed).toList();
    }

    /** The value of field {@code f} of {@code entry}. */
    public Object value(T entry, Field f) {
        try {
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals(f.name())) {
                    return c.getAccessor().invoke(entry);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException(f.name());
    }
}
