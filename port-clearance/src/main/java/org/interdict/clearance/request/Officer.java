package org.interdict.clearance.request;

/** Who asked or inspected: the username and nation from their token. */
public record Officer(String username, String nation) {
}
