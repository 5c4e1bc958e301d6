package org.interdict.readouts.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.interdict.commons.problem.ProblemException;

/** An opaque inbox position: clients hand back what they were given, and the encoding may change. */
public final class InboxCursor {

    private static final String PREFIX = "i1:";

    private InboxCursor() {
    }

    public static String encode(long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.US_ASCII));
    }

    /** The position after which to list; 0 (the beginning) without a cursor. */
    public static long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                long position = Long.parseLong(text.substring(PREFIX.length()));
                if (position >= 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the same answer as any other foreign string
        }
        throw ProblemException.invalid("addedAfter", "is not a cursor given by this inbox");
    }
}
