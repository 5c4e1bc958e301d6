package org.interdict.readouts.readout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Builds what a viewer sees of readouts, with a fixed number of queries per page rather than per readout. */
@ApplicationScoped
public class ReadoutViews {

    @Inject
    Readouts readouts;

    @Inject
    EntityManager entityManager;

    public ReadoutView of(Readout readout, Viewer viewer) {
        return of(List.of(readout), viewer).get(0);
    }

    public List<ReadoutView> of(List<Readout> page, Viewer viewer) {
        List<UUID> ids = page.stream().map(readout -> readout.id).toList();
        Set<UUID> knownPredecessors = new HashSet<>(readouts.visibleIds(
                page.stream().map(readout -> readout.supersedes).filter(Objects::nonNull).toList(), viewer));
        Map<UUID, List<UUID>> corrections = new HashMap<>();
        for (Object[] row : readouts.visibleCorrections(ids, viewer)) {
            corrections.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add((UUID) row[1]);
        }
        Map<UUID, List<String>> releasability = releasability(
                page.stream().filter(viewer::oversees).map(readout -> readout.id).toList());
        return page.stream().map(readout -> new ReadoutView(readout.id, readout.title, readout.meetingDate,
                readout.body, readout.tlp, readout.authorNation, readout.author, readout.publishedAt,
                knownPredecessors.contains(readout.supersedes) ? readout.supersedes : null,
                corrections.getOrDefault(readout.id, List.of()),
                viewer.oversees(readout) ? releasability.getOrDefault(readout.id, List.of()) : null)).toList();
    }

    private Map<UUID, List<String>> releasability(List<UUID> ids) {
        Map<UUID, List<String>> nations = new HashMap<>();
        if (ids.isEmpty()) {
            return nations;
        }
        entityManager.createQuery("select d.readout.id, d.nation from Delivery d where d.readout.id in :ids "
                        + "order by d.nation", Object[].class).setParameter("ids", ids).getResultList()
                .forEach(row -> nations.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add((String) row[1]));
        return nations;
    }
}
