package dev.mamori.server.dataset;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One of the APPI categories of {@link DataItem#CATEGORIES} (null: not personal information). */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Category.Check.class)
@interface Category {
    String message() default "{mamori.category.unknown}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<Category, String> {
        @Override
        public boolean isValid(String v, ConstraintValidatorContext c) {
            return v == null || DataItem.CATEGORIES.contains(v);
        }
    }
}
