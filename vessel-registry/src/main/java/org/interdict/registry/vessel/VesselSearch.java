package org.interdict.registry.vessel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.interdict.commons.problem.ProblemException;
import org.interdict.registry.RegistryConfig;
import org.interdict.registry.identity.SearchNames;
import org.interdict.registry.paging.Cursor;
import org.interdict.commons.web.Page;

/**
 * Finds vessels by identifiers and, fuzzily, by any name they have had. Names are compared normalised (lowercase
 * letters and digits) through pg_trgm operators that the trigram index on {@code vessel_name} serves: {@code %}
 * matches whole names (a typo or two), {@code <%} a query inside a longer name. Name matches come best first; other
 * searches in IMO order. Pages follow keyset cursors.
 */
@ApplicationScoped
public class VesselSearch {

    private static final String DESIGNATED =
            "EXISTS (SELECT 1 FROM designation d WHERE d.imo = v.imo AND d.delisted_on IS NULL)";
    private static final String COLUMNS = "v.imo, v.name, v.flag, v.mmsi, v.vessel_type, v.version, " + DESIGNATED;

    @Inject
    EntityManager entityManager;

    @Inject
    RegistryConfig config;

    public record Criteria(String name, String imo, String mmsi, String flag, Boolean designated) {
    }

    @Transactional
    public Page<VesselSummary> search(Criteria criteria, int limit, String cursor) {
        String q = criteria.name() == null ? null : SearchNames.normalise(criteria.name());
        if (q != null && q.isEmpty()) {
            throw ProblemException.invalid("q", "must contain a letter or digit");
        }
        boolean byName = q != null;
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder();
        if (byName) {
            useThresholds();
            sql.append("WITH best AS (SELECT DISTINCT ON (n.imo) n.imo, n.name AS matched, ")
                    .append("GREATEST(similarity(n.normalized, :q), word_similarity(:q, n.normalized)) AS score ")
                    .append("FROM vessel_name n WHERE n.normalized % :q OR :q <% n.normalized ")
                    .append("ORDER BY n.imo, score DESC) ")
                    .append("SELECT ").append(COLUMNS).append(", b.matched, b.score ")
                    .append("FROM vessel v JOIN best b ON b.imo = v.imo WHERE TRUE");
            params.put("q", q);
        } else {
            sql.append("SELECT ").append(COLUMNS).append(", NULL, NULL FROM vessel v WHERE TRUE");
        }
        filter(criteria, sql, params);
        if (cursor != null) {
            if (byName) {
                List<String> after = Cursor.decode(cursor, 2);
                sql.append(" AND (b.score < :afterScore OR (b.score = :afterScore AND v.imo > :afterImo))");
                params.put("afterScore", score(after.get(0)));
                params.put("afterImo", imo(after.get(1)));
            } else {
                sql.append(" AND v.imo > :afterImo");
                params.put("afterImo", imo(Cursor.decode(cursor, 1).get(0)));
            }
        }
        sql.append(byName ? " ORDER BY b.score DESC, v.imo" : " ORDER BY v.imo").append(" LIMIT :limit");
        params.put("limit", limit + 1);

        Query query = entityManager.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<VesselSummary> items = new ArrayList<>();
        for (Object[] row : rows.subList(0, Math.min(limit, rows.size()))) {
            items.add(new VesselSummary((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                    (String) row[4], (Boolean) row[6], ((Number) row[5]).longValue(), (String) row[7]));
        }
        String next = null;
        if (rows.size() > limit) {
            Object[] last = rows.get(limit - 1);
            next = byName ? Cursor.encode(String.valueOf(((Number) last[8]).floatValue()), (String) last[0])
                    : Cursor.encode((String) last[0]);
        }
        return new Page<>(items, next);
    }

    private void filter(Criteria criteria, StringBuilder sql, Map<String, Object> params) {
        if (criteria.imo() != null) {
            sql.append(" AND v.imo = :imo");
            params.put("imo", criteria.imo());
        }
        if (criteria.mmsi() != null) {
            sql.append(" AND v.mmsi = :mmsi");
            params.put("mmsi", criteria.mmsi());
        }
        if (criteria.flag() != null) {
            sql.append(" AND v.flag = :flag");
            params.put("flag", criteria.flag());
        }
        if (criteria.designated() != null) {
            sql.append(criteria.designated() ? " AND " : " AND NOT ").append(DESIGNATED);
        }
    }

    /** The thresholds hold for this transaction only. */
    private void useThresholds() {
        entityManager.createNativeQuery("SELECT set_config('pg_trgm.similarity_threshold', :s, true), "
                + "set_config('pg_trgm.word_similarity_threshold', :w, true)")
                .setParameter("s", String.valueOf(config.search().similarityThreshold()))
                .setParameter("w", String.valueOf(config.search().wordSimilarityThreshold()))
                .getResultList();
    }

    private static Float score(String text) {
        try {
            return Float.valueOf(text);
        } catch (NumberFormatException e) {
            throw badCursor();
        }
    }

    private static String imo(String text) {
        if (!text.matches("\\d{7}")) {
            throw badCursor();
        }
        return text;
    }

    private static ProblemException badCursor() {
        return ProblemException.invalid("cursor", "is not a cursor this list gave out");
    }
}
