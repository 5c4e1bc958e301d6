package org.interdict.registry.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.interdict.commons.problem.ProblemException;

/**
 * An opaque keyset cursor: the sort values of the last item of a page, which the next page starts after. Callers see
 * base64url text and send it back unchanged.
 */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";

    private Cursor() {
    }

    public static String encode(String... values) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, values).getBytes(StandardCharsets.UTF_8));
    }

    /** The values of a cursor with {@code count} of them; a 400 naming the {@code cursor} parameter otherwise. */
    public static List<String> decode(String cursor, int count) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> values = List.of(text.split(SEPARATOR, -1));
            if (values.size() == count) {
                return values;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ProblemException.invalid("cursor", "is not a cursor this list gave out");
    }
}
