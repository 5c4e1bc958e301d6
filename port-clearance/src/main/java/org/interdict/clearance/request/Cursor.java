package org.interdict.clearance.request;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.interdict.commons.problem.ProblemException;

/** Where a page of decisions ends: the last decision's time and id, opaque to callers. */
record Cursor(Instant decidedAt, UUID id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((decidedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", 2);
            return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this service gave");
        }
    }
}
