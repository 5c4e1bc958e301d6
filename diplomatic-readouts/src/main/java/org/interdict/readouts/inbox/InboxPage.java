package org.interdict.readouts.inbox;

import java.util.List;

/** One page of an inbox; {@code next} is the cursor for the following page, null when nothing more is there now. */
public record InboxPage(List<InboxEntry> items, String next) {
}
