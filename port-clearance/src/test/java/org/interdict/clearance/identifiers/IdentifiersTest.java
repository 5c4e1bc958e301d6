package org.interdict.clearance.identifiers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void checksTheImoCheckDigit() {
        assertTrue(ImoNumber.isValid("9074729"));
        assertFalse(ImoNumber.isValid("9074728"));
        assertFalse(ImoNumber.isValid("907472"));
        assertFalse(ImoNumber.isValid("90747A9"));
        assertFalse(ImoNumber.isValid(null));
    }

    @Test
    void readsTheMidOfAShipStationMmsi() {
        assertEquals(Optional.of("445"), Mmsi.mid("445123456"));
        assertThat(Mmsi.flagsOf("445"), contains("PRK"));
        assertThat(Mmsi.flagsOf("477"), contains("HKG"));
        assertThat(Mmsi.flagsOf("355"), contains("PAN"));
        assertThat(Mmsi.flagsOf("299"), empty());
        assertTrue(Mmsi.mid("012345678").isEmpty());
        assertTrue(Mmsi.mid("812345678").isEmpty());
    }

    @Test
    void knowsIsoAlpha3FlagsAndUnLocodes() {
        assertTrue(Flags.isValid("PRK"));
        assertFalse(Flags.isValid("XYZ"));
        assertFalse(Flags.isValid("kor"));
        assertTrue(UnLocode.isValid("KRPUS"));
        assertFalse(UnLocode.isValid("KRPU1"));
        assertTrue(UnLocode.inDprk("KPNAM"));
        assertFalse(UnLocode.inDprk("KRPUS"));
    }
}
