package org.interdict.registry.vessel;

/** A vessel in search results; {@code matchedName} is the current or past name a name search matched. */
public record VesselSummary(String imo, String name, String flag, String mmsi, String type, boolean designated,
        long version, String matchedName) {
}
