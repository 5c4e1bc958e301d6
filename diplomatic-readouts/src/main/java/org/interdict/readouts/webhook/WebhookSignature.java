package org.interdict.readouts.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a receiver knows a delivery is ours and fresh: {@code X-Interdict-Signature: sha256=<hex>} is the HMAC-SHA256,
 * under the webhook's secret, of {@code "<X-Interdict-Timestamp>.<body>"}; binding the timestamp lets a receiver
 * refuse old deliveries replayed at it.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Interdict-Signature";
    public static final String TIMESTAMP_HEADER = "X-Interdict-Timestamp";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** The header value for a body sent at {@code timestamp} (epoch seconds). */
    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }

    /** 256 random bits. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
