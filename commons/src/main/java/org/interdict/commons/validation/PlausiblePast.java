package org.interdict.commons.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date or instant of something that has happened in the coalition's era: not before 1950 (the Korean War, where
 * nothing the platform records begins) and not in the future, with a day of slack for time zones. Refuses year 0,
 * +999999999 and other values a database or a report cannot hold. Null is valid (use {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = {PlausiblePast.ForDate.class, PlausiblePast.ForInstant.class})
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface PlausiblePast {

    LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

    String message() default "must be a past date, not before 1950-01-01";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** For {@link LocalDate}. */
    class ForDate implements ConstraintValidator<PlausiblePast, LocalDate> {

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || inRange(value);
        }

        static boolean inRange(LocalDate date) {
            return !date.isBefore(EARLIEST) && !date.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1));
        }
    }

    /** For {@link Instant}. */
    class ForInstant implements ConstraintValidator<PlausiblePast, Instant> {

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())
                    && !value.isAfter(Instant.now().plus(Duration.ofDays(1))));
        }
    }
}
