package org.interdict.registry.identity;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.interdict.commons.problem.ProblemException;

/**
 * A ship's IMO number: seven digits whose last is a check digit (the first six weighted 7 to 2, summed, mod 10).
 * None starts with 0 (0000000 satisfies the check digit but is no ship).
 * Lists write it {@code IMO 9191773}; the registry keeps the seven digits.
 */
public final class ImoNumber {

    private static final Pattern FORM = Pattern.compile("(?i)^\\s*(?:IMO[\\s:.-]*)?(\\d{7})\\s*$");

    private ImoNumber() {
    }

    /** Why {@code text} is not an IMO number, or empty when it is one. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("is required");
        }
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            return Optional.of("must be 7 digits, optionally written 'IMO nnnnnnn'");
        }
        if (matcher.group(1).charAt(0) == '0') {
            return Optional.of("must not start with 0");
        }
        return checkDigitHolds(matcher.group(1)) ? Optional.empty()
                : Optional.of("check digit does not hold for " + matcher.group(1));
    }

    /** The seven digits of a valid IMO number; otherwise a 400 problem naming {@code field}. */
    public static String parse(String text, String field) {
        problem(text).ifPresent(message -> {
            throw ProblemException.invalid(field, message);
        });
        return normalise(text);
    }

    /** The seven digits of text that {@link #problem} accepts. */
    public static String normalise(String text) {
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not an IMO number: " + text);
        }
        return matcher.group(1);
    }

    static boolean checkDigitHolds(String digits) {
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += (digits.charAt(i) - '0') * (7 - i);
        }
        return sum % 10 == digits.charAt(6) - '0';
    }
}
