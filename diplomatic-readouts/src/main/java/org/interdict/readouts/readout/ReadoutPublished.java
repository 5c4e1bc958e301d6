package org.interdict.readouts.readout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Event {@code ReadoutPublished} on {@code readouts.published.v1}, keyed by readout id. It carries no title or body:
 * the text stays in this service's database, behind need to know; the event says only that it exists and for whom.
 */
public record ReadoutPublished(UUID eventId, String eventType, int schemaVersion, Instant occurredAt, UUID readoutId,
        Tlp tlp, String authorNation, List<String> releasableTo, UUID supersedes, Instant publishedAt) {

    public static final String TOPIC = "readouts.published.v1";
    public static final String TYPE = "ReadoutPublished";

    static ReadoutPublished of(Readout readout, List<String> releasableTo) {
        return new ReadoutPublished(UUID.randomUUID(), TYPE, 1, readout.publishedAt, readout.id, readout.tlp,
                readout.authorNation, releasableTo, readout.supersedes, readout.publishedAt);
    }
}
