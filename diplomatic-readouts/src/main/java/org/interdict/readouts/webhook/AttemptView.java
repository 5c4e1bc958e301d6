package org.interdict.readouts.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * A webhook attempt as the author's nation sees it: {@code outcome} is {@code delivered}, {@code failed} (retried
 * later) or {@code abandoned} (the last one). The endpoint's address is the recipient's business and not shown.
 */
public record AttemptView(UUID webhookId, int attempt, Instant attemptedAt, Integer statusCode, String outcome,
        String error) {

    static AttemptView of(WebhookAttempt attempt) {
        return new AttemptView(attempt.webhookId, attempt.attempt, attempt.attemptedAt, attempt.statusCode,
                attempt.outcome, attempt.error);
    }
}
