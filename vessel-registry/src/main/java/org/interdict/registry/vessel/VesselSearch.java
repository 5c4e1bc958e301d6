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
import org.interdict.registry.search.NameIndex;
import org.interdict.registry.search.NameMatch;
import org.interdict.registry.paging.Cursor;
import org.interdict.commons.web.Page;

/**
 * Finds vessels by identifiers and, fuzzily, by any name they have had. Names are compared normalised (lowercase
 * letters and digits) by the registry's in-memory {@link NameIndex}, with pg_trgm's measures: similarity matches whole
 * names (a typo or two), word similarity a query inside a longer name. Name matches come best first, then in IMO
 * order; other searches in IMO order. Pages follow keyset cursors. The vessels themselves, and the other criteria,
 * come from PostgreSQL.
 */
@ApplicationScoped
public class VesselSearch {

    private static final String DESIGNATED =
            "EXISTS (SELECT 1 FROM designation d WHERE d.imo = v.imo AND d.delisted_on IS NULL)";
    private static final String COLUMNS = "v.imo, v.name, v.flag, v.mmsi, v.vessel_type, v.version, " + DESIGNATED;

    @Inject
    EntityManager entityManager;

    @Inject
    NameIndex names;

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
        return q == null ? byCriteria(criteria, limit, cursor) : byName(q, criteria, limit, cursor);
    }

    private Page<VesselSummary> byCriteria(Criteria criteria, int limit, String cursor) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM vessel v WHERE TRUE");
        filter(criteria, sql, params);
        if (cursor != null) {
            sql.append(" AND v.imo > :afterImo");
            params.put("afterImo", imo(Cursor.decode(cursor, 1).get(0)));
        }
        sql.append(" ORDER BY v.imo LIMIT :limit");
        params.put("limit", limit + 1);
        List<Object[]> rows = rows(sql.toString(), params);
        List<VesselSummary> items = new ArrayList<>();
        for (Object[] row : rows.subList(0, Math.min(limit, rows.size()))) {
            items.add(summary(row, null));
        }
        return new Page<>(items, rows.size() > limit ? Cursor.encode(items.get(limit - 1).imo()) : null);
    }

    /**
     * Walks the name matches best first from the cursor, asking PostgreSQL for the next few vessels that meet the other
     * criteria, until the page has one more than the limit (to know there is a next page) or the matches run out.
     */
    private Page<VesselSummary> byName(String q, Criteria criteria, int limit, String cursor) {
        List<NameMatch> matches = matches(q);
        int from = 0;
        if (cursor != null) {
            List<String> after = Cursor.decode(cursor, 2);
            float afterScore = score(after.get(0));
            String afterImo = imo(after.get(1));
            while (from < matches.size() && (matches.get(from).score() > afterScore
                    || matches.get(from).score() == afterScore && matches.get(from).imo().compareTo(afterImo) <= 0)) {
                from++;
            }
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS)
                .append(" FROM vessel v WHERE v.imo = ANY (CAST(:imos AS varchar[]))");
        filter(criteria, sql, params);
        List<NameMatch> page = new ArrayList<>();
        List<VesselSummary> items = new ArrayList<>();
        int chunk = limit + 1;
        while (items.size() <= limit && from < matches.size()) {
            List<NameMatch> next = matches.subList(from, Math.min(matches.size(), from + chunk));
            from += next.size();
            chunk *= 2;
            params.put("imos", "{" + String.join(",", next.stream().map(NameMatch::imo).toList()) + "}");
            Map<String, Object[]> found = new HashMap<>();
            for (Object[] row : rows(sql.toString(), params)) {
                found.put((String) row[0], row);
            }
            for (NameMatch match : next) {
                Object[] row = found.get(match.imo());
                if (row != null && items.size() <= limit) {
                    page.add(match);
                    items.add(summary(row, match.name()));
                }
            }
        }
        if (items.size() <= limit) {
            return new Page<>(items, null);
        }
        NameMatch last = page.get(limit - 1);
        return new Page<>(items.subList(0, limit), Cursor.encode(String.valueOf(last.score()), last.imo()));
    }

    private List<NameMatch> matches(String q) {
        names.catchUp();
        return names.find(q, config.search().similarityThreshold(), config.search().wordSimilarityThreshold());
    }

    private static VesselSummary summary(Object[] row, String matchedName) {
        return new VesselSummary((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                (String) row[4], (Boolean) row[6], ((Number) row[5]).longValue(), matchedName);
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

    private List<Object[]> rows(String sql, Map<String, Object> params) {
        Query query = entityManager.createNativeQuery(sql);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }

    private static float score(String text) {
        try {
            float score = Float.parseFloat(text);
            if (Float.isFinite(score)) {
                return score;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw badCursor();
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
