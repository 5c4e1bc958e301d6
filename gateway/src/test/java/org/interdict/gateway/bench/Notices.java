package org.interdict.gateway.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Pre-arrival notices at Busan, as the port officer files them, and the decisions they get. */
final class Notices {

    static final String OFFICER = "busan-officer";
    static final String PATH = "/api/clearance/requests";

    private Notices() {
    }

    /** A notice for the vessel, under its registered name and flag, arriving in two days from Shanghai. */
    static Map<String, Object> of(Fleet.Vessel vessel) {
        Instant eta = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        LocalDate departed = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        return Map.of("imo", vessel.imo(), "name", vessel.name(), "flag", vessel.flag(), "port", "KRPUS",
                "eta", eta.toString(), "lastPortsOfCall", List.of(Map.of("port", "CNSHA", "departed", departed.toString())),
                "cargo", "Containers");
    }

    /** The decision the service at {@code baseUrl} (the gateway or port-clearance) gives the vessel now. */
    static String decision(Api api, String baseUrl, Fleet.Vessel vessel) {
        return Api.read(Api.expect(api.send(api.postJson(baseUrl + PATH, OFFICER, of(vessel))), 201))
                .get("decision").asText();
    }
}
