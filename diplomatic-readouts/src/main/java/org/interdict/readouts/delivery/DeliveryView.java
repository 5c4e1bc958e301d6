package org.interdict.readouts.delivery;

import java.time.Instant;

/** A readout's delivery to one nation, as its author's nation and admins see it. */
public record DeliveryView(String nation, DeliveryStatus status, Instant deliveredAt, Instant acknowledgedAt) {

    public static DeliveryView of(Delivery delivery) {
        return new DeliveryView(delivery.nation, delivery.status, delivery.deliveredAt, delivery.acknowledgedAt);
    }
}
