package org.interdict.readouts.readout;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.interdict.commons.membership.Membership;
import org.interdict.readouts.support.Nations;

/** The readouts of the releasability matrix, published once per application start. */
@ApplicationScoped
public class MatrixFixtures {

    public enum Fixture {
        /** The summit readout, written by Korea, released to every development nation. */
        SUMMIT("KOR", "CAN", "USA", "KOR", "JPN", "GBR", "FRA", "IND", "CHN", "RUS"),
        /** Written by the United States, released to Korea alone. */
        KOREA_ONLY("USA", "KOR"),
        /** Written by the United Kingdom for the non-member partners only. */
        PARTNERS("GBR", "CHN", "RUS"),
        /** Written by Canada, released to Japan and the United States, not to Canada itself. */
        JAPAN_PAIR("CAN", "JPN", "USA");

        final String author;
        final List<String> releasableTo;

        Fixture(String author, String... releasableTo) {
            this.author = author;
            this.releasableTo = List.of(releasableTo);
        }
    }

    @Inject
    ReadoutService service;

    @Inject
    Membership membership;

    private final Map<Fixture, UUID> ids = new EnumMap<>(Fixture.class);

    public synchronized Map<Fixture, UUID> ids() {
        Nations.seed(membership);
        if (ids.isEmpty()) {
            for (Fixture fixture : Fixture.values()) {
                Readout readout = service.publish(new Author(fixture.author, fixture.author.toLowerCase() + "-ministry", false),
                        new PublishReadout("Matrix " + fixture, LocalDate.of(2026, 11, 2), "Text of " + fixture,
                                Tlp.AMBER, fixture.releasableTo, null));
                ids.put(fixture, readout.id);
            }
        }
        return ids;
    }
}
