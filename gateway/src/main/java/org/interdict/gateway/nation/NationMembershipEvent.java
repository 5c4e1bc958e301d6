package org.interdict.gateway.nation;

import java.time.Instant;
import java.util.UUID;

/** The event on {@code coalition.nations.v1}; its schema is {@code schemas/coalition.nations.v1.schema.json}. */
public record NationMembershipEvent(UUID eventId, String eventType, int schemaVersion, Instant occurredAt, String code,
        String name, boolean member, String status, long version) {

    public static final String TOPIC = "coalition.nations.v1";
    public static final String TYPE = "NationMembership";

    static NationMembershipEvent of(Nation nation) {
        return new NationMembershipEvent(UUID.randomUUID(), TYPE, 1, Instant.now(), nation.code, nation.name,
                nation.member, nation.status, nation.version);
    }
}
