package org.interdict.clearance.replica;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.interdict.clearance.support.Vessels.vessel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.interdict.clearance.support.Imos;
import org.junit.jupiter.api.Test;

class SanctionsPictureTest {

    final SanctionsPicture picture = new SanctionsPicture();
    final String imo = Imos.next();

    @Test
    void neverLetsAnOlderVersionOverwriteANewerOne() {
        assertTrue(picture.apply(vessel(imo).version(5).name("NEWER").build()));
        assertFalse(picture.apply(vessel(imo).version(3).name("OLDER").build()));
        assertFalse(picture.apply(vessel(imo).version(5).name("SAME VERSION").build()));
        assertEquals("NEWER", picture.vessel(imo).orElseThrow().status().name());
        assertEquals(5, picture.listVersion().replicaVersion());
    }

    @Test
    void indexesDesignatedVesselsAndForgetsThemWhenDelisted() {
        picture.apply(vessel(imo).version(1).name("CHON MA SAN").mmsi("445111222").designated("UN", "KPi.050").build());
        assertThat(picture.designatedWithMmsi("445111222").stream().map(Vessel::imo).toList(), contains(imo));
        assertThat(picture.designatedNamed(NameKey.of("Chon Ma San")), hasSize(1));
        assertEquals(1, picture.designatedCount());

        picture.apply(vessel(imo).version(2).name("CHON MA SAN").mmsi("445111222").delisted("UN", "KPi.050").build());
        assertThat(picture.designatedWithMmsi("445111222"), empty());
        assertThat(picture.designatedNamed(NameKey.of("Chon Ma San")), empty());
        assertEquals(0, picture.designatedCount());
        assertEquals(1, picture.size());
    }

    @Test
    void findsNamesWithinAFewEditsScaledToTheirLength() {
        picture.apply(vessel(imo).name("RYE SONG GANG 1").pastName("KUM UN SAN", java.time.Instant.now())
                .designated("UN", "KPi.060").build());
        assertThat(picture.designatedResembling(NameKey.of("RYE SONG KANG 1")), hasSize(1));
        assertThat(picture.designatedResembling(NameKey.of("KUM UN SAN 2")).stream().map(NameMatch::past).toList(), contains(true));
        assertThat(picture.designatedResembling(NameKey.of("RYE SONG")), empty());
        assertThat(picture.designatedResembling(NameKey.of("HANA")), empty());
    }

    @Test
    void reducesNamesToTheirKey() {
        assertEquals("CHONMASAN", NameKey.of("M/V Chon Ma-San"));
        assertEquals("RYESONG", NameKey.of("MT Ryé Söng"));
        assertEquals("EVEREST", NameKey.of("Mt. Everest"));
        assertEquals("MV", NameKey.of("MV"));
        assertEquals(1, EditDistance.within("CHONMASAN", "CHONMASAM", 2));
        assertEquals(3, EditDistance.within("CHONMASAN", "SAEBYOL", 2));
    }
}
