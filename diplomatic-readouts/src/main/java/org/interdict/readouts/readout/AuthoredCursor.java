package org.interdict.readouts.readout;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.interdict.commons.problem.ProblemException;

/** An opaque position in a list of readouts newest first: the last readout's publication time and id. */
record AuthoredCursor(Instant publishedAt, UUID id) {

    private static final String PREFIX = "a1:";

    static AuthoredCursor after(Readout readout) {
        return new AuthoredCursor(readout.publishedAt, readout.id);
    }

    String encode() {
        String text = PREFIX + publishedAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Empty for the first page. */
    static AuthoredCursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                String[] parts = text.substring(PREFIX.length()).split("\\|", 2);
                return new AuthoredCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            }
        } catch (RuntimeException e) {
            // falls through to the same answer as any other foreign string
        }
        throw ProblemException.invalid("after", "is not a cursor given by this list");
    }
}
