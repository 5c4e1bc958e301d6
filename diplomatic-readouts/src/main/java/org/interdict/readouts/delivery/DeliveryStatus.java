package org.interdict.readouts.delivery;

/** Where a readout stands with one recipient nation; it only moves forward. */
public enum DeliveryStatus {
    /** Released to the nation, not yet fetched by it. */
    PENDING,
    /** First fetched through the inbox or the stream, or accepted (2xx) by one of the nation's webhooks. */
    DELIVERED,
    /** The nation acknowledged receipt. */
    ACKNOWLEDGED
}
