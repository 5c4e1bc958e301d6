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

/** The field holds a valid IMO number (null passes: pair with {@code @NotNull} when required). */
@Documented
@Constraint(validatedBy = Imo.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Imo {

    String message() default "must be an IMO number: 7 digits with a valid check digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Imo, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || ImoNumber.isValid(value);
        }
    }
}
