package org.interdict.commons.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text that shows something: at least one letter, digit, punctuation mark or symbol, not only spaces and invisible
 * format characters such as zero-width spaces (which {@code @NotBlank} lets through). Null is valid.
 */
@Documented
@Constraint(validatedBy = VisibleText.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface VisibleText {

    String message() default "must contain a visible character";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<VisibleText, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || value.codePoints().anyMatch(Validator::visible);
        }

        private static boolean visible(int codePoint) {
            int type = Character.getType(codePoint);
            return !Character.isWhitespace(codePoint) && !Character.isSpaceChar(codePoint)
                    && type != Character.FORMAT && type != Character.CONTROL && type != Character.UNASSIGNED
                    && type != Character.SURROGATE && type != Character.PRIVATE_USE;
        }
    }
}
