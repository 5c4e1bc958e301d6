package org.interdict.clearance.identifiers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** The field holds an ISO 3166-1 alpha-3 code (null passes: pair with {@code @NotNull} when required). */
@Documented
@Constraint(validatedBy = Flag.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Flag {

    String message() default "must be an ISO 3166-1 alpha-3 country code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Flag, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Flags.isValid(value);
        }
    }
}
