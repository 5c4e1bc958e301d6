package org.interdict.clearance.support;

import org.interdict.stack.Await;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.interdict.clearance.decision.PreArrivalNotice;
import org.interdict.clearance.replica.SanctionsPicture;
import org.interdict.clearance.replica.VesselStatusEvent;
import org.interdict.clearance.request.ClearanceService;
import org.interdict.commons.membership.Membership;
import org.junit.jupiter.api.BeforeEach;

/** What the service's tests start from: known member nations, and sanctions data the registry just vouched for. */
public abstract class ClearanceTestBase {

    @Inject
    protected Membership membership;

    @Inject
    protected SanctionsPicture picture;

    @Inject
    protected ClearanceService service;

    @BeforeEach
    void currentSanctionsData() {
        Nations.seed(membership);
        vouchedAt(Instant.now());
    }

    /** The registry vouches for its data as of {@code sentAt}; returns once the replica has heard it. */
    protected void vouchedAt(Instant sentAt) {
        Instant heartbeat = Registry.heartbeat(sentAt);
        Await.until("the heartbeat reaches the replica", () -> heartbeat.equals(picture.listVersion().heartbeatAt()));
    }

    /** Publishes the status as the registry would and returns once the replica holds it. */
    protected VesselStatusEvent known(VesselStatusEvent status) {
        Registry.publish(status);
        awaitVersion(status.imo(), status.version());
        return status;
    }

    protected void awaitVersion(String imo, long version) {
        Await.until("version " + version + " of IMO " + imo + " reaches the replica",
                () -> picture.vessel(imo).map(vessel -> vessel.version() >= version).orElse(false));
    }

    /** A decision asked for directly of the service, as an admin, whoever the test's caller is; once kept. */
    protected UUID decided(Map<String, Object> notice) {
        return service.decide(Registry.JSON.convertValue(notice, PreArrivalNotice.class), "admin", "USA").join().answer()
                .id();
    }

    /** A pre-arrival notice for the plain vessel {@link Vessels} builds, at Busan, arriving tomorrow. */
    protected static Map<String, Object> notice(String imo) {
        Map<String, Object> notice = new HashMap<>();
        notice.put("imo", imo);
        notice.put("name", "EVER FAIR");
        notice.put("flag", "KOR");
        notice.put("mmsi", "440123456");
        notice.put("port", "KRPUS");
        notice.put("eta", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        notice.put("lastPortsOfCall", List.of(Map.of("port", "CNDLC", "departed",
                Instant.now().minus(3, ChronoUnit.DAYS).toString())));
        notice.put("cargo", "Steel coils");
        return notice;
    }
}
