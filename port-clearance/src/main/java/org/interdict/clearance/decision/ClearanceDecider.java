package org.interdict.clearance.decision;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.interdict.clearance.ClearanceConfig;
import org.interdict.clearance.decision.PreArrivalNotice.DeclaredTransfer;
import org.interdict.clearance.decision.PreArrivalNotice.PortCall;
import org.interdict.clearance.identifiers.Mmsi;
import org.interdict.clearance.identifiers.UnLocode;
import org.interdict.clearance.replica.ListVersion;
import org.interdict.clearance.replica.NameKey;
import org.interdict.clearance.replica.NameMatch;
import org.interdict.clearance.replica.SanctionsPicture;
import org.interdict.clearance.replica.Vessel;
import org.interdict.clearance.replica.VesselStatusEvent.Designation;
import org.interdict.clearance.replica.VesselStatusEvent.Incident;
import org.interdict.clearance.replica.VesselStatusEvent.PastFlag;

/**
 * Decides a pre-arrival notice from the sanctions picture in memory: {@code DENY} a designated vessel, {@code INSPECT}
 * when a risk signal appears, {@code CLEAR} otherwise, every reason spelled out. Pure: the same notice, picture and
 * time give the same verdict, and nothing is read from elsewhere.
 */
@Singleton
public class ClearanceDecider {

    /** How far back a DPRK port call, an incident or a flag change counts. */
    static final Duration LOOKBACK = Duration.ofDays(365);
    /** At most this many look-alike designated vessels are named in one answer. */
    private static final int MAX_RESEMBLING = 3;

    private final Duration freshness;
    private final RiskProfiler riskProfiler;

    @Inject
    public ClearanceDecider(ClearanceConfig config) {
        this(config.freshness(), new RiskProfiler(config.risk().highRiskFlags()));
    }

    public ClearanceDecider(Duration freshness, RiskProfiler riskProfiler) {
        this.freshness = freshness;
        this.riskProfiler = riskProfiler;
    }

    public Verdict decide(PreArrivalNotice notice, SanctionsPicture picture, Instant now) {
        ListVersion listVersion = picture.listVersion();
        Optional<Vessel> known = picture.vessel(notice.imo());
        String nameKey = NameKey.of(notice.name());
        List<Reason> reasons = new ArrayList<>(4);

        known.filter(Vessel::designated).ifPresent(vessel -> designations(vessel, reasons));
        mmsiOfDesignated(notice, picture, reasons);
        known.ifPresent(vessel -> identity(notice, nameKey, vessel, reasons));
        Set<String> namedImos = pastIdentities(notice, nameKey, picture, reasons);
        if (known.isEmpty()) {
            resemblances(notice, nameKey, picture, namedImos, reasons);
        }
        dprkPortCalls(notice, now, reasons);
        transfers(notice, picture, reasons);
        known.ifPresent(vessel -> history(vessel, now, reasons));
        mmsiAgainstFlag(notice, reasons);
        if (listVersion.staleAt(now, freshness)) {
            reasons.add(Reason.of(ReasonCode.SANCTIONS_DATA_STALE, listVersion.heartbeatAt() == null
                    ? "The registry has not vouched for the sanctions data yet: no heartbeat received"
                    : "The sanctions data was last vouched for by the registry at " + listVersion.heartbeatAt()
                            + ", longer ago than the freshness bound of " + freshness.toSeconds() + " s"));
        }

        Decision decision = Decision.CLEAR;
        for (Reason reason : reasons) {
            if (reason.code().forces().compareTo(decision) > 0) {
                decision = reason.code().forces();
            }
        }
        return new Verdict(decision, reasons, riskProfiler.assess(notice, known, reasons, now), listVersion);
    }

    private static void designations(Vessel vessel, List<Reason> reasons) {
        if (vessel.activeDesignations().isEmpty()) {
            reasons.add(Reason.of(ReasonCode.DESIGNATED_VESSEL,
                    "IMO " + vessel.imo() + " (" + vessel.status().name() + ") is designated in the registry"));
        }
        for (Designation designation : vessel.activeDesignations()) {
            reasons.add(new Reason(ReasonCode.DESIGNATED_VESSEL, "IMO " + vessel.imo() + " (" + vessel.status().name()
                    + ") is designated by " + designation.authority() + " under " + designation.reference()
                    + listed(designation), designation.authority(), designation.reference()));
        }
    }

    private static String listed(Designation designation) {
        return designation.listedOn() == null ? "" : ", listed on " + day(designation.listedOn());
    }

    private static void mmsiOfDesignated(PreArrivalNotice notice, SanctionsPicture picture, List<Reason> reasons) {
        for (Vessel holder : picture.designatedWithMmsi(notice.mmsi())) {
            if (!holder.imo().equals(notice.imo())) {
                String authority = holder.activeDesignations().isEmpty() ? null : holder.activeDesignations().get(0).authority();
                String reference = holder.activeDesignations().isEmpty() ? null : holder.activeDesignations().get(0).reference();
                reasons.add(new Reason(ReasonCode.MMSI_OF_DESIGNATED_VESSEL, "MMSI " + notice.mmsi()
                        + " belongs to designated vessel IMO " + holder.imo() + " (" + holder.status().name() + ")"
                        + (authority == null ? "" : ", designated by " + authority + " under " + reference),
                        authority, reference));
            }
        }
    }

    private static void identity(PreArrivalNotice notice, String nameKey, Vessel vessel, List<Reason> reasons) {
        if (!nameKey.equals(vessel.nameKey())) {
            reasons.add(Reason.of(ReasonCode.NAME_MISMATCH, "Presented as " + notice.name() + "; the registry knows IMO "
                    + vessel.imo() + " as " + vessel.status().name()));
        }
        if (!notice.flag().equals(vessel.status().flag())) {
            reasons.add(Reason.of(ReasonCode.FLAG_MISMATCH, "Presented under flag " + notice.flag()
                    + "; the registry knows IMO " + vessel.imo() + " under flag " + vessel.status().flag()));
        }
    }

    /** A designated vessel's past name, or its name with one of its past flags, presented by another IMO. */
    private static Set<String> pastIdentities(PreArrivalNotice notice, String nameKey, SanctionsPicture picture,
            List<Reason> reasons) {
        Set<String> named = new HashSet<>();
        for (NameMatch match : picture.designatedNamed(nameKey)) {
            Vessel designated = match.vessel();
            if (designated.imo().equals(notice.imo()) || named.contains(designated.imo())) {
                continue;
            }
            Optional<PastFlag> pastFlag = designated.status().pastFlags().stream()
                    .filter(flag -> notice.flag().equals(flag.flag())).findFirst();
            if (match.past() || pastFlag.isPresent()) {
                named.add(designated.imo());
                reasons.add(Reason.of(ReasonCode.PAST_IDENTITY_OF_DESIGNATED_VESSEL, "The name " + match.name()
                        + (pastFlag.isPresent() ? " under flag " + notice.flag() : "") + " was an identity of designated"
                        + " vessel IMO " + designated.imo() + ", now " + designated.status().name() + " under flag "
                        + designated.status().flag()));
            }
        }
        return named;
    }

    private static void resemblances(PreArrivalNotice notice, String nameKey, SanctionsPicture picture,
            Set<String> alreadyNamed, List<Reason> reasons) {
        Set<String> named = new HashSet<>(alreadyNamed);
        for (NameMatch match : picture.designatedResembling(nameKey)) {
            if (named.size() - alreadyNamed.size() >= MAX_RESEMBLING) {
                break;
            }
            if (named.add(match.vessel().imo())) {
                reasons.add(Reason.of(ReasonCode.UNKNOWN_VESSEL_RESEMBLES_DESIGNATED, "IMO " + notice.imo()
                        + " is unknown to the registry and the name " + notice.name() + " resembles "
                        + (match.past() ? "the past name " : "the name ") + match.name() + " of designated vessel IMO "
                        + match.vessel().imo()));
            }
        }
    }

    private static void dprkPortCalls(PreArrivalNotice notice, Instant now, List<Reason> reasons) {
        Instant since = now.minus(LOOKBACK);
        for (PortCall call : notice.lastPortsOfCall()) {
            if (UnLocode.inDprk(call.port()) && call.departed().isAfter(since)) {
                reasons.add(Reason.of(ReasonCode.DPRK_PORT_CALL, "Called at " + call.port()
                        + " in the DPRK, departed " + day(call.departed())));
            }
        }
    }

    private static void transfers(PreArrivalNotice notice, SanctionsPicture picture, List<Reason> reasons) {
        for (DeclaredTransfer transfer : notice.declaredShipToShipTransfers()) {
            String counterpart = counterpart(transfer);
            reasons.add(Reason.of(ReasonCode.DECLARED_SHIP_TO_SHIP_TRANSFER, "Declared a ship-to-ship transfer with "
                    + counterpart + (transfer.location() == null ? "" : " at " + transfer.location())
                    + (transfer.occurredAt() == null ? "" : " on " + day(transfer.occurredAt()))));
            designatedCounterpart(transfer, picture).ifPresent(designated -> reasons.add(Reason.of(
                    ReasonCode.TRANSFER_WITH_DESIGNATED_VESSEL, "The transfer counterpart " + counterpart
                            + " is designated vessel IMO " + designated.imo() + " (" + designated.status().name() + ")")));
        }
    }

    private static String counterpart(DeclaredTransfer transfer) {
        if (transfer.counterpartImo() != null) {
            return "IMO " + transfer.counterpartImo()
                    + (transfer.counterpartName() == null ? "" : " (" + transfer.counterpartName() + ")");
        }
        return transfer.counterpartName() == null ? "an undeclared vessel" : transfer.counterpartName();
    }

    /** By IMO when declared, else by a designated vessel's current or past name. */
    private static Optional<Vessel> designatedCounterpart(DeclaredTransfer transfer, SanctionsPicture picture) {
        if (transfer.counterpartImo() != null) {
            Optional<Vessel> byImo = picture.vessel(transfer.counterpartImo()).filter(Vessel::designated);
            if (byImo.isPresent()) {
                return byImo;
            }
        }
        if (transfer.counterpartName() == null) {
            return Optional.empty();
        }
        return picture.designatedNamed(NameKey.of(transfer.counterpartName())).stream().map(NameMatch::vessel).findFirst();
    }

    private static void history(Vessel vessel, Instant now, List<Reason> reasons) {
        Instant since = now.minus(LOOKBACK);
        for (Incident incident : vessel.status().incidents()) {
            if (incident.occurredAt() != null && incident.occurredAt().isAfter(since)) {
                reasons.add(Reason.of(ReasonCode.RECENT_INCIDENT, "Registry incident " + incident.type() + " on "
                        + day(incident.occurredAt()) + (incident.location() == null ? "" : " at " + incident.location())
                        + (incident.reportingNation() == null ? "" : ", reported by " + incident.reportingNation())));
            }
        }
        for (PastFlag flag : vessel.status().pastFlags()) {
            if (flag.to() != null && flag.to().isAfter(since)) {
                reasons.add(Reason.of(ReasonCode.RECENT_FLAG_CHANGE, "Flew the flag of " + flag.flag() + " until "
                        + day(flag.to()) + ", now " + vessel.status().flag()));
            }
        }
    }

    private static void mmsiAgainstFlag(PreArrivalNotice notice, List<Reason> reasons) {
        if (notice.mmsi() == null) {
            return;
        }
        Optional<String> mid = Mmsi.mid(notice.mmsi());
        if (mid.isEmpty()) {
            reasons.add(Reason.of(ReasonCode.MMSI_FLAG_MISMATCH, "MMSI " + notice.mmsi()
                    + " is not a ship station's: it does not start with a country's MID"));
            return;
        }
        Set<String> flags = Mmsi.flagsOf(mid.get());
        if (flags.isEmpty()) {
            reasons.add(Reason.of(ReasonCode.MMSI_FLAG_MISMATCH, "MMSI " + notice.mmsi() + " starts with MID "
                    + mid.get() + ", allocated to no country"));
        } else if (!flags.contains(notice.flag())) {
            reasons.add(Reason.of(ReasonCode.MMSI_FLAG_MISMATCH, "MMSI " + notice.mmsi() + " starts with MID "
                    + mid.get() + " of " + String.join("/", new java.util.TreeSet<>(flags)) + ", not of the flag presented, " + notice.flag()));
        }
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
