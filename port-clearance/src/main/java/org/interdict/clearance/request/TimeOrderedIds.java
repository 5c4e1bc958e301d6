package org.interdict.clearance.request;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDs of version 7: a millisecond timestamp then random bits. Unguessable like random ones, but new ids land at the
 * end of the primary-key index instead of all over it, which keeps the insert of every decision cheap.
 */
final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    static UUID next() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
