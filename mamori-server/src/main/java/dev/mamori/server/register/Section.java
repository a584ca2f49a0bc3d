package dev.mamori.server.register;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Starts a part of an entry's form and page at this field (its heading: the message {@code section.<register>.<value>}). */
@Target(ElementType.RECORD_COMPONENT)
@Retention(RetentionPolicy.RUNTIME)
public @interface Section {
    String value();
}
