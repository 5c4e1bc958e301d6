package org.interdict.readouts.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What goes in and out of the webhook endpoints. */
public final class WebhookViews {

    private WebhookViews() {
    }

    public record Register(@NotBlank @Size(max = 2000) String url) {
    }

    /** A registered webhook; its secret is never shown again. */
    public record Listed(UUID id, String nation, String url, String createdBy, Instant createdAt) {

        static Listed of(Webhook webhook) {
            return new Listed(webhook.id, webhook.nation, webhook.url, webhook.createdBy, webhook.createdAt);
        }
    }

    /** The answer to a registration, the only one that carries the secret. */
    public record Created(UUID id, String nation, String url, String secret, String createdBy, Instant createdAt) {

        static Created of(Webhook webhook) {
            return new Created(webhook.id, webhook.nation, webhook.url, webhook.secret, webhook.createdBy,
                    webhook.createdAt);
        }
    }
}
