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
 * <p>
 * The index hands over every name sharing a third of the query's trigrams (thousands in a large fleet), and each one
 * costs a similarity computation. So a name search first asks only for matches scoring at least each of the
 * configured steps, highest first: names that close share most trigrams, few do, and once a step fills the page it
 * holds the best matches there are. Only a page that no step fills costs the full thresholds.
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
            // One branch per operator: a bitmap OR of the two would recheck both operators on every candidate.
            sql.append("WITH named AS (SELECT n.imo, n.name, n.normalized FROM vessel_name n WHERE n.normalized % :q ")
                    .append("UNION ALL SELECT n.imo, n.name, n.normalized FROM vessel_name n WHERE :q <% n.normalized), ")
                    .append("best AS (SELECT DISTINCT ON (m.imo) m.imo, m.name AS matched, ")
                    .append("GREATEST(similarity(m.normalized, :q), word_similarity(:q, m.normalized)) AS score ")
                    .append("FROM named m WHERE similarity(m.normalized, :q) >= :similarity ")
                    .append("OR word_similarity(:q, m.normalized) >= :wordSimilarity ")
                    .append("ORDER BY m.imo, score DESC) ")
                    .append("SELECT ").append(COLUMNS).append(", b.matched, b.score ")
                    .append("FROM vessel v JOIN best b ON b.imo = v.imo WHERE TRUE");
            params.put("q", q);
            params.put("similarity", config.search().similarityThreshold());
            params.put("wordSimilarity", config.search().wordSimilarityThreshold());
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

        List<Object[]> rows = byName ? byName(sql.toString(), params, limit) : rows(sql.toString(), params);
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

    /**
     * Runs the name query step by step until a step fills the page (one row more than the limit, to know there is a
     * next page), the last step with the configured thresholds. At a step both operators' thresholds are the step's
     * score, so they yield exactly the names scoring at least that; the configured thresholds, in the query, still
     * decide what matches at all.
     */
    private List<Object[]> byName(String sql, Map<String, Object> params, int limit) {
        double similarity = config.search().similarityThreshold();
        double wordSimilarity = config.search().wordSimilarityThreshold();
        double floor = Math.min(similarity, wordSimilarity);
        for (double step : config.search().steps()) {
            if (step > floor) {
                useThresholds(step, step);
                List<Object[]> rows = rows(sql, params);
                if (rows.size() > limit) {
                    return rows;
                }
            }
        }
        useThresholds(similarity, wordSimilarity);
        return rows(sql, params);
    }

    private List<Object[]> rows(String sql, Map<String, Object> params) {
        Query query = entityManager.createNativeQuery(sql);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }

    /** The thresholds hold for this transaction only. */
    private void useThresholds(double similarity, double wordSimilarity) {
        entityManager.createNativeQuery("SELECT set_config('pg_trgm.similarity_threshold', :s, true), "
                + "set_config('pg_trgm.word_similarity_threshold', :w, true)")
                .setParameter("s", String.valueOf(similarity))
                .setParameter("w", String.valueOf(wordSimilarity))
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
