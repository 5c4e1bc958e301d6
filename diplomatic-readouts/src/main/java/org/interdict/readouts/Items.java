package org.interdict.readouts;

import java.util.List;

/** A list answer for the service's bounded lists (recipients, attempts, a nation's webhooks): never a next page. */
public record Items<T>(List<T> items, String next) {

    public static <T> Items<T> of(List<T> items) {
        return new Items<>(items, null);
    }
}
