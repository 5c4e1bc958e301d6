package org.interdict.readouts.inbox;

import java.time.Instant;

import org.interdict.readouts.delivery.DeliveryStatus;
import org.interdict.readouts.readout.ReadoutView;

/**
 * A readout in a nation's inbox. {@code cursor} is its position: pass it as {@code addedAfter} to continue after it,
 * which is how a client that has read everything polls for what comes next.
 */
public record InboxEntry(String cursor, Instant addedAt, DeliveryStatus status, ReadoutView readout) {
}
