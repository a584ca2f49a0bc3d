package dev.mamori.deid;

/**
 * Deletes the value: every cell becomes empty (施行規則31条1号・2号・3号, 34条1号・2号). The column is
 * kept, so the output has the input's shape.
 */
public record Delete() implements Transform {

    @Override
    public String apply(String value) {
        return value == null ? null : "";
    }
}
