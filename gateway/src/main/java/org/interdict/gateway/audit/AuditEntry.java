package org.interdict.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One write call as the audit log keeps it.
 *
 * @param roles the caller's realm roles, space-separated, in order
 * @param route the method's path, without the query string
 */
public record AuditEntry(Instant recordedAt, String username, String subject, String nation, String roles,
        String method, String route, int status, String requestId) {

    /** Who made a write call without a valid token, or one refused before its token was read. */
    public static final String ANONYMOUS = "anonymous";
    /** The route column's width: a longer path (refused as unknown anyway) is kept cut, so that it can be stored. */
    static final int MAX_ROUTE = 2048;

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    public AuditEntry {
        // PostgreSQL keeps microseconds: hash what is stored, or a faithful row would look altered.
        recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
        route = route.length() > MAX_ROUTE ? route.substring(0, MAX_ROUTE) : route;
    }

    /** SHA-256 of the previous entry's hash and every field of this entry, with its position in the log. */
    public String hash(long id, String previousHash) {
        String canonical = String.join("\n", previousHash, Long.toString(id), recordedAt.toString(), text(username),
                text(subject), text(nation), roles, method, route, Integer.toString(status), requestId);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String value) {
        return Objects.requireNonNullElse(value, "");
    }
}
