package org.interdict.readouts.readout;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Need to know in one place: a readout exists for a viewer only when released to its nation, written by its nation,
 * or the viewer is an admin. Every lookup by id goes through here, so every path answers 404 alike otherwise.
 */
@ApplicationScoped
public class Readouts {

    private static final String VISIBLE = "(:admin = true or r.authorNation = :nation or exists "
            + "(select d.id from Delivery d where d.readout.id = r.id and d.nation = :nation))";

    @Inject
    EntityManager entityManager;

    public Optional<Readout> visible(UUID id, Viewer viewer) {
        return entityManager.createQuery("select r from Readout r where r.id = :id and " + VISIBLE, Readout.class)
                .setParameter("id", id).setParameter("admin", viewer.admin()).setParameter("nation", viewer.nation())
                .getResultStream().findFirst();
    }

    /**
     * Readouts the viewer's nation wrote (an admin: every readout, system notices included), newest first, after the
     * cursor. New readouts appear at the top, so a client paging down never sees one twice.
     */
    public List<Readout> authored(Viewer viewer, AuthoredCursor after, int limit) {
        String where = (viewer.admin() ? "1 = 1" : "r.authorNation = :nation")
                + (after == null ? "" : " and (r.publishedAt < :at or (r.publishedAt = :at and r.id < :id))");
        var query = entityManager.createQuery("select r from Readout r where " + where
                + " order by r.publishedAt desc, r.id desc", Readout.class).setMaxResults(limit);
        if (!viewer.admin()) {
            query.setParameter("nation", viewer.nation());
        }
        if (after != null) {
            query.setParameter("at", after.publishedAt()).setParameter("id", after.id());
        }
        return query.getResultList();
    }

    /** The readouts among {@code ids} the viewer may know of. */
    public List<UUID> visibleIds(Collection<UUID> ids, Viewer viewer) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("select r.id from Readout r where r.id in :ids and " + VISIBLE, UUID.class)
                .setParameter("ids", ids).setParameter("admin", viewer.admin()).setParameter("nation", viewer.nation())
                .getResultList();
    }

    /** The corrections of any of {@code ids} the viewer may know of, oldest first: each as {supersededId, id}. */
    public List<Object[]> visibleCorrections(Collection<UUID> ids, Viewer viewer) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("select r.supersedes, r.id from Readout r where r.supersedes in :ids and "
                        + VISIBLE + " order by r.publishedAt, r.id", Object[].class)
                .setParameter("ids", ids).setParameter("admin", viewer.admin()).setParameter("nation", viewer.nation())
                .getResultList();
    }
}
