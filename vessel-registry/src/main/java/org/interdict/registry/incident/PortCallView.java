package org.interdict.registry.incident;

import java.time.Instant;
import java.util.List;

/** A port's clearance decision about the vessel: a port call it attempted. */
public record PortCallView(String clearanceId, String port, String decision, Instant decidedAt, String nation) {

    public static List<PortCallView> of(String imo) {
        return PortCallAttempt.<PortCallAttempt>list("imo = ?1 order by decidedAt, id", imo).stream()
                .map(a -> new PortCallView(a.clearanceId, a.port, a.decision, a.decidedAt, a.nation)).toList();
    }
}
