package dev.mamori.server.register;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
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
        Method accessor = ACCESSORS.get(type).get(f.name());
        if (accessor == null) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no field " + f.name());
        }
        try {
            return accessor.invoke(entry);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each entry type's accessors by component name, looked up once (values are read per cell of an export). */
    private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> t) {
            return Arrays.stream(t.getRecordComponents()).collect(Collectors.toUnmodifiableMap(RecordComponent::getName, RecordComponent::getAccessor));
        }
    };
}
