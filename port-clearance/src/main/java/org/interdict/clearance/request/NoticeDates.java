package org.interdict.clearance.request;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.interdict.clearance.decision.PreArrivalNotice;
import org.interdict.commons.problem.Problem;
import org.interdict.commons.problem.ProblemException;

/** The date checks that need the current time and more than one field; the rest is Bean Validation on the notice. */
final class NoticeDates {

    /** A notice may come a little late (the ship is in port) or long ahead, but not a year ahead. */
    static final Duration LATE = Duration.ofDays(7);
    static final Duration AHEAD = Duration.ofDays(365);

    private NoticeDates() {
    }

    static void check(PreArrivalNotice notice, Instant now) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (notice.eta().isBefore(now.minus(LATE))) {
            errors.add(new Problem.FieldError("eta", "must not be more than 7 days in the past"));
        } else if (notice.eta().isAfter(now.plus(AHEAD))) {
            errors.add(new Problem.FieldError("eta", "must not be more than 365 days ahead"));
        }
        for (int i = 0; i < notice.lastPortsOfCall().size(); i++) {
            if (notice.lastPortsOfCall().get(i).departed().isAfter(notice.eta())) {
                errors.add(new Problem.FieldError("lastPortsOfCall[" + i + "].departed", "must not be after eta"));
            }
        }
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(error -> error.field() + ": " + error.message())
                    .reduce((a, b) -> a + "; " + b).orElseThrow();
            throw new ProblemException(Problem.invalid(detail, errors));
        }
    }
}
