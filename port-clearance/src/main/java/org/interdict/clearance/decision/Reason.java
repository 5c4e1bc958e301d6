package org.interdict.clearance.decision;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason for a decision: a stable code and a sentence for the officer; a designation also names its authority and
 * reference.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reason(ReasonCode code, String detail, String authority, String reference) {

    public static Reason of(ReasonCode code, String detail) {
        return new Reason(code, detail, null, null);
    }
}
