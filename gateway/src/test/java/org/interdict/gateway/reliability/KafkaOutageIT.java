package org.interdict.gateway.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.interdict.gateway.e2e.Platform;
import org.interdict.stack.KafkaBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Designations made while Kafka is down are kept by the registry's outbox and reach port-clearance and every member's
 * inbox once the broker is back, each exactly once in effect.
 */
class KafkaOutageIT {

    private static final int VESSELS = 3;

    @AfterEach
    void brokerBack() {
        Platform.stack().kafka().start();
    }

    @Test
    void designationsMadeDuringAnOutageArriveOnceAfterIt() {
        List<String> imos = new ArrayList<>();
        for (int i = 0; i < VESSELS; i++) {
            String imo = Fleet.newImo();
            Fleet.registered(imo, "OUTAGE TANKER " + i);
            imos.add(imo);
        }
        KafkaBroker kafka = Platform.stack().kafka();
        kafka.stop();
        for (String imo : imos) {
            Fleet.designation(imo, "KPe.OUT-" + imo).then().statusCode(201);
        }
        kafka.start();

        for (String imo : imos) {
            String decision = Fleet.eventually(() -> Fleet.clearance(imo, "OUTAGE TANKER").getString("decision"),
                    "DENY"::equals);
            assertEquals("DENY", decision, "clearance for " + imo + " after the outage");
        }
        for (String ministry : Fleet.MEMBER_MINISTRIES) {
            for (String imo : imos) {
                long notices = Fleet.eventually(() -> Fleet.designationNotices(ministry, imo), n -> n >= 1);
                assertEquals(1, notices, ministry + "'s notices of " + imo);
            }
        }
    }
}
