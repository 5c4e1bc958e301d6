package org.interdict.clearance.request;

import org.interdict.commons.outbox.Outbox;

/** A decision to keep: its row, and its {@code ClearanceDecided} event for the outbox, written together. */
record KeptDecision(ClearanceRecord record, Outbox.Entry event) {
}
