package org.interdict.clearance.replica;

/** A designated vessel whose current or past name matches a presented one. */
public record NameMatch(Vessel vessel, String name, boolean past, int distance) {
}
