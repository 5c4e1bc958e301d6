package org.interdict.clearance.decision;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.interdict.clearance.decision.RiskProfile.Factor;
import org.interdict.clearance.replica.Vessel;
import org.interdict.clearance.replica.VesselStatusEvent;

/**
 * Weighs a vessel's risk in the spirit of the Paris MoU ship risk profile, from what is at hand: type, age, flag,
 * history in the registry and the notice's own signals. The points and the factors behind them are part of the
 * answer; the scale is documented in the module's README.
 */
public class RiskProfiler {

    static final int HIGH_FROM = 5;
    private static final Duration HISTORY = Duration.ofDays(3 * 365);
    private static final List<String> RISKY_TYPES = List.of("TANKER", "BULK", "GAS", "CHEMICAL", "PASSENGER");
    /** Notice signals that weigh on the profile; history signals are weighed as history instead. */
    private static final Set<ReasonCode> NOTICE_SIGNALS = EnumSet.of(ReasonCode.NAME_MISMATCH,
            ReasonCode.FLAG_MISMATCH, ReasonCode.PAST_IDENTITY_OF_DESIGNATED_VESSEL,
            ReasonCode.UNKNOWN_VESSEL_RESEMBLES_DESIGNATED, ReasonCode.DPRK_PORT_CALL,
            ReasonCode.DECLARED_SHIP_TO_SHIP_TRANSFER, ReasonCode.TRANSFER_WITH_DESIGNATED_VESSEL,
            ReasonCode.MMSI_FLAG_MISMATCH);

    private final Set<String> highRiskFlags;

    public RiskProfiler(Set<String> highRiskFlags) {
        this.highRiskFlags = Set.copyOf(highRiskFlags);
    }

    public RiskProfile assess(PreArrivalNotice notice, Optional<Vessel> known, List<Reason> reasons, Instant now) {
        List<Factor> factors = new ArrayList<>(4);
        if (reasons.stream().anyMatch(reason -> reason.code().forces() == Decision.DENY)) {
            factors.add(new Factor("DESIGNATION", HIGH_FROM, "Designated vessel, or presenting a designated vessel's MMSI"));
        }
        if (highRiskFlags.contains(notice.flag())) {
            factors.add(new Factor("FLAG", 2, "Flag " + notice.flag() + " is on the high-risk (black) list"));
        }
        if (known.isEmpty()) {
            factors.add(new Factor("UNKNOWN_VESSEL", 2, "IMO " + notice.imo() + " is unknown to the registry"));
        } else {
            vessel(known.get().status(), now, factors);
        }
        long signals = reasons.stream().map(Reason::code).filter(NOTICE_SIGNALS::contains).distinct().count();
        if (signals > 0) {
            factors.add(new Factor("NOTICE_SIGNALS", (int) Math.min(signals, 3), signals + " risk signal(s) in the notice"));
        }
        int points = factors.stream().mapToInt(Factor::points).sum();
        RiskLevel level = points >= HIGH_FROM ? RiskLevel.HIGH : points == 0 ? RiskLevel.LOW : RiskLevel.STANDARD;
        return new RiskProfile(level, points, factors);
    }

    private static void vessel(VesselStatusEvent status, Instant now, List<Factor> factors) {
        if (status.type() != null) {
            String type = status.type().toUpperCase(Locale.ROOT);
            if (RISKY_TYPES.stream().anyMatch(type::contains)) {
                factors.add(new Factor("SHIP_TYPE", 2, "Ship type " + status.type()));
            }
        }
        if (status.buildYear() != null) {
            int age = now.atZone(ZoneOffset.UTC).getYear() - status.buildYear();
            if (age > 12) {
                factors.add(new Factor("AGE", age > 20 ? 2 : 1, "Built " + status.buildYear() + ", " + age + " years old"));
            }
        }
        Instant since = now.minus(HISTORY);
        long incidents = status.incidents().stream()
                .filter(incident -> incident.occurredAt() != null && incident.occurredAt().isAfter(since)).count();
        if (incidents > 0) {
            factors.add(new Factor("INCIDENTS", (int) Math.min(incidents, 3), incidents + " incident(s) in 3 years"));
        }
        long changes = status.pastNames().stream().filter(name -> name.to() != null && name.to().isAfter(since)).count()
                + status.pastFlags().stream().filter(flag -> flag.to() != null && flag.to().isAfter(since)).count();
        if (changes > 0) {
            factors.add(new Factor("IDENTITY_CHANGES", (int) Math.min(changes, 2), changes
                    + " change(s) of name or flag in 3 years"));
        }
        if (!status.riskSignals().isEmpty()) {
            factors.add(new Factor("REGISTRY_RISK_SIGNALS", Math.min(status.riskSignals().size(), 2),
                    "Registry risk signals: " + String.join(", ", status.riskSignals())));
        }
    }
}
