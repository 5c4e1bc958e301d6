package org.interdict.commons.membership;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The services' reading of the gateway's {@code NationMembership} event on {@code coalition.nations.v1}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NationMembershipEvent(UUID eventId, String eventType, int schemaVersion, Instant occurredAt, String code,
        String name, boolean member, String status, long version) {
}
