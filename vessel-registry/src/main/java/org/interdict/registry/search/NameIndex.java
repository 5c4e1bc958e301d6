package org.interdict.registry.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Every name a vessel is or was known by, with its trigrams, in memory, so that a fuzzy search scores names without
 * PostgreSQL. There, pg_trgm's index proposed every name sharing a third of a query's trigrams (thousands among
 * 100,000 vessels) and rechecked each: most of a search's cost. Here a query counts its trigrams' postings and
 * scores only the names that share enough of them, with pg_trgm's own similarity and word similarity.
 * <p>
 * The database stays the truth. Each search first reads the names committed since the index last looked, by the id
 * of the transaction that added them ({@code vessel_name.added_in}): every transaction older than the oldest one
 * running at a look had committed or aborted by then, so the next look starts there, leaving out the transactions
 * it already read whole. A search therefore sees every name committed before it began, whichever registry instance
 * wrote it.
 */
@ApplicationScoped
public class NameIndex {

    private static final Logger LOG = Logger.getLogger(NameIndex.class);

    private final ReentrantReadWriteLock names = new ReentrantReadWriteLock();
    private final ReentrantLock looking = new ReentrantLock();

    // guarded by names
    private final Map<String, Integer> trigramIds = new HashMap<>();
    private int[][] postings = new int[256][];
    private int[] postingSizes = new int[256];
    /** Per name: its vessel's IMO number (seven digits, as the registry accepts no other). */
    private int[] imos = new int[1024];
    private String[] displayed = new String[1024];
    /** Per name: its trigrams in order, each as its index among the name's distinct ones. */
    private int[][] orders = new int[1024][];
    /** Per name: its distinct trigrams' ids. */
    private int[][] distinct = new int[1024][];
    private int size;

    /** A query's counts per name, as long as the index: reused by each thread, cleared as the query reads them. */
    private final ThreadLocal<Counts> counts = ThreadLocal.withInitial(Counts::new);

    // guarded by looking
    private long horizon;
    private Set<Long> readSinceHorizon = Set.of();

    @Inject
    EntityManager entityManager;

    /** Loads the names at start, so that the first search does not wait for all of them. */
    void load(@Observes StartupEvent start) {
        try {
            QuarkusTransaction.requiringNew().run(this::catchUp);
        } catch (RuntimeException e) {
            LOG.warnf("Vessel names not loaded at start (%s); the first search loads them", e.getMessage());
        }
    }

    /**
     * Adds the names committed since the last look. The bounds are numbers PostgreSQL gave, written into the SQL so
     * that every look is planned for its own bounds: few rows lie beyond them and the index on {@code added_in}
     * finds them.
     */
    public void catchUp() {
        looking.lock();
        try {
            String readAlready = readSinceHorizon.isEmpty() ? ""
                    : " AND n.added_in <> ALL (CAST('{" + readSinceHorizon.stream().map(String::valueOf)
                            .collect(Collectors.joining(",")) + "}' AS xid8[]))";
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery(
                    "SELECT CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text), CAST(n.added_in AS text), "
                            + "n.imo, n.name, n.normalized FROM (SELECT 1) AS look LEFT JOIN vessel_name n "
                            + "ON n.added_in >= CAST('" + horizon + "' AS xid8)" + readAlready)
                    .getResultList();
            long next = Long.parseLong((String) rows.get(0)[0]);
            Set<Long> read = new HashSet<>();
            for (Long transaction : readSinceHorizon) {
                if (transaction >= next) {
                    read.add(transaction);
                }
            }
            names.writeLock().lock();
            try {
                for (Object[] row : rows) {
                    if (row[1] != null) {
                        long transaction = Long.parseLong((String) row[1]);
                        if (transaction >= next) {
                            read.add(transaction);
                        }
                        add((String) row[2], (String) row[3], (String) row[4]);
                    }
                }
            } finally {
                names.writeLock().unlock();
            }
            horizon = next;
            readSinceHorizon = read;
        } finally {
            looking.unlock();
        }
    }

    /**
     * The vessels with a name whose similarity to the query reaches {@code similarity} or whose word similarity
     * (the query within the name) reaches {@code wordSimilarity}, best score first, then by IMO; each vessel once,
     * with its best name.
     */
    public List<NameMatch> find(String query, double similarity, double wordSimilarity) {
        List<String> queryTrigrams = new ArrayList<>(new HashSet<>(Trigrams.of(query)));
        int queryCount = queryTrigrams.size();
        Map<Integer, NameMatch> best = new HashMap<>();
        names.readLock().lock();
        try {
            boolean[] inQuery = new boolean[trigramIds.size()];
            Counts scratch = counts.get().fit(imos.length);
            int[] shared = scratch.shared;
            int[] touched = scratch.touched;
            int touchedCount = 0;
            for (String trigram : queryTrigrams) {
                Integer id = trigramIds.get(trigram);
                if (id == null) {
                    continue;
                }
                inQuery[id] = true;
                int[] posting = postings[id];
                for (int k = 0; k < postingSizes[id]; k++) {
                    if (shared[posting[k]]++ == 0) {
                        touched[touchedCount++] = posting[k];
                    }
                }
            }
            for (int t = 0; t < touchedCount; t++) {
                int name = touched[t];
                int sharedCount = shared[name];
                shared[name] = 0;
                int[] ids = distinct[name];
                float whole = Trigrams.similarity(sharedCount, queryCount, ids.length);
                // Word similarity is at most shared / query trigrams: worked out only where it could match or raise
                // the score, for few of the names sharing a trigram.
                float ceiling = (float) sharedCount / (float) queryCount;
                if (whole < similarity && ceiling < wordSimilarity) {
                    continue;
                }
                float within = ceiling > whole || whole < similarity
                        ? Trigrams.wordSimilarity(orders[name], found(ids, inQuery), queryCount) : 0f;
                if (whole >= similarity || within >= wordSimilarity) {
                    float score = Math.max(whole, within);
                    NameMatch known = best.get(imos[name]);
                    if (known == null || score > known.score()) {
                        best.put(imos[name], new NameMatch(imoText(imos[name]), displayed[name], score));
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            counts.remove(); // its counts may not have been cleared
            throw e;
        } finally {
            names.readLock().unlock();
        }
        List<NameMatch> matches = new ArrayList<>(best.values());
        matches.sort(Comparator.comparing(NameMatch::score).reversed().thenComparing(NameMatch::imo));
        return matches;
    }

    private static final class Counts {
        int[] shared = new int[0];
        int[] touched = new int[0];

        Counts fit(int names) {
            if (shared.length < names) {
                shared = new int[names];
                touched = new int[names];
            }
            return this;
        }
    }

    private static String imoText(int imo) {
        String digits = Integer.toString(imo);
        return "0000000".substring(digits.length()) + digits;
    }

    private static boolean[] found(int[] ids, boolean[] inQuery) {
        boolean[] found = new boolean[ids.length];
        for (int i = 0; i < ids.length; i++) {
            found[i] = inQuery[ids[i]];
        }
        return found;
    }

    /**
     * Adds a name; a look never reads a name twice (the transactions it read whole are left out of the next), and
     * a vessel's name held twice would only cost memory, since matches are per vessel.
     */
    void add(String imo, String name, String normalized) {
        List<String> trigrams = Trigrams.of(normalized);
        if (trigrams.isEmpty()) {
            return;
        }
        int number;
        try {
            number = Integer.parseInt(imo);
        } catch (NumberFormatException e) {
            LOG.warnf("Name %s of vessel %s left out of search: not a seven-digit IMO number", name, imo);
            return;
        }
        int[] order = new int[trigrams.size()];
        int[] ids = new int[trigrams.size()];
        int distinctCount = 0;
        for (int i = 0; i < order.length; i++) {
            int id = trigramIds.computeIfAbsent(trigrams.get(i), trigram -> newTrigram());
            int local = 0;
            while (local < distinctCount && ids[local] != id) {
                local++;
            }
            if (local == distinctCount) {
                ids[distinctCount++] = id;
            }
            order[i] = local;
        }
        if (size == imos.length) {
            int capacity = size * 2;
            imos = Arrays.copyOf(imos, capacity);
            displayed = Arrays.copyOf(displayed, capacity);
            orders = Arrays.copyOf(orders, capacity);
            distinct = Arrays.copyOf(distinct, capacity);
        }
        int index = size++;
        imos[index] = number;
        displayed[index] = name;
        orders[index] = order;
        distinct[index] = Arrays.copyOf(ids, distinctCount);
        for (int k = 0; k < distinctCount; k++) {
            int id = ids[k];
            if (postings[id] == null) {
                postings[id] = new int[4];
            } else if (postingSizes[id] == postings[id].length) {
                postings[id] = Arrays.copyOf(postings[id], postings[id].length * 2);
            }
            postings[id][postingSizes[id]++] = index;
        }
    }

    private int newTrigram() {
        int id = trigramIds.size();
        if (id == postings.length) {
            postings = Arrays.copyOf(postings, id * 2);
            postingSizes = Arrays.copyOf(postingSizes, id * 2);
        }
        return id;
    }
}
