package org.interdict.gateway.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.interdict.gateway.e2e.Platform;
import org.interdict.stack.QuarkusService;
import org.interdict.stack.Stack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * With vessel-registry stopped, port-clearance goes on deciding from its own replica: a designated vessel is still
 * refused and a clean one cleared while the registry's last heartbeat is within the freshness bound; past it, the
 * clean vessel gets {@code INSPECT} with {@code SANCTIONS_DATA_STALE}, never {@code CLEAR}. Once the registry is back
 * its heartbeats make the data fresh again.
 */
class RegistryOutageIT {

    private static final String STALE = "SANCTIONS_DATA_STALE";

    @AfterEach
    void registryBack() {
        StackHealth.awaitRecovered();
    }

    @Test
    void clearanceDecidesFromItsReplicaAndNeverClearsOnStaleData() {
        String designated = Fleet.newImo();
        Fleet.registered(designated, "SHADOW TANKER");
        Fleet.designate(designated, "KPe.REG-" + designated);
        String clean = Fleet.newImo();
        Fleet.registered(clean, "HONEST TANKER");
        assertEquals("DENY", Fleet.eventually(() -> decision(designated, "SHADOW TANKER"), "DENY"::equals));
        assertEquals(List.of(clean), Fleet.eventually(() -> Databases.column(Stack.App.CLEARANCE,
                "SELECT imo FROM vessel_status WHERE imo = '" + clean + "'"), imos -> !imos.isEmpty()),
                "the clean vessel in port-clearance's replica");

        Stack stack = Platform.stack();
        QuarkusService registry = stack.app(Stack.App.REGISTRY);
        registry.stop();

        JsonPath whileFresh = Fleet.clearance(clean, "HONEST TANKER");
        assertTrue(fresh(whileFresh), "the registry took longer than the freshness bound to stop, so this run cannot"
                + " show a decision on fresh data during the outage: " + whileFresh.prettify());
        assertEquals("CLEAR", whileFresh.getString("decision"), whileFresh.prettify());
        assertEquals("DENY", decision(designated, "SHADOW TANKER"));

        JsonPath stale = Fleet.eventually(() -> neverClearWhenStale(Fleet.clearance(clean, "HONEST TANKER")),
                answer -> !fresh(answer));
        assertFalse(fresh(stale), "the data never went stale: " + stale.prettify());
        assertEquals("INSPECT", stale.getString("decision"), stale.prettify());
        assertTrue(stale.getList("reasons.code").contains(STALE), stale.prettify());
        JsonPath designatedStale = Fleet.clearance(designated, "SHADOW TANKER");
        assertEquals("DENY", designatedStale.getString("decision"), designatedStale.prettify());
        assertTrue(designatedStale.getList("reasons.code").contains(STALE), designatedStale.prettify());

        registry.start(stack.layout());
        JsonPath back = Fleet.eventually(() -> neverClearWhenStale(Fleet.clearance(clean, "HONEST TANKER")),
                answer -> "CLEAR".equals(answer.getString("decision")));
        assertEquals("CLEAR", back.getString("decision"), "once the registry is back: " + back.prettify());
        assertFalse(back.getList("reasons.code").contains(STALE), back.prettify());
    }

    private static String decision(String imo, String name) {
        return Fleet.clearance(imo, name).getString("decision");
    }

    /** Whether the registry had vouched for the data within the freshness bound when the decision was made. */
    private static boolean fresh(JsonPath answer) {
        String heartbeatAt = answer.getString("listVersion.heartbeatAt");
        return heartbeatAt != null && !Instant.parse(heartbeatAt).plus(Platform.FRESHNESS)
                .isBefore(Instant.parse(answer.getString("decidedAt")));
    }

    private static JsonPath neverClearWhenStale(JsonPath answer) {
        assertFalse("CLEAR".equals(answer.getString("decision")) && !fresh(answer),
                "CLEAR on stale data: " + answer.prettify());
        return answer;
    }
}
