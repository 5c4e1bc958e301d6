package org.interdict.registry.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The index scores names as PostgreSQL's pg_trgm does: generated fleets and queries (typos, parts of names, other
 * names) give the same vessels, the same scores and the same order as pg_trgm's {@code similarity} and
 * {@code word_similarity} computed by PostgreSQL over the same names.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_registry"))
class NameIndexTest {

    private static final double SIMILARITY = 0.3;
    private static final double WORD_SIMILARITY = 0.6;
    private static final List<String> WORDS = List.of("ocean", "pioneer", "kum", "un", "san", "sea", "star", "glory",
            "nampo", "rye", "song", "gang", "great", "ship", "tong", "hung", "jin", "xin", "yuan", "bao", "li", "a");

    @Inject
    EntityManager entityManager;

    @Test
    void scoresAndRanksAsPgTrgm() {
        Random random = new Random(1718);
        NameIndex index = new NameIndex();
        Map<String, String> vesselOf = new HashMap<>();
        for (int vessel = 0; vessel < 300; vessel++) {
            String imo = String.format("%07d", 1_000_000 + vessel);
            for (int n = 0; n < 1 + random.nextInt(2); n++) {
                String name = name(random);
                if (vesselOf.putIfAbsent(imo + "/" + name, imo) == null) {
                    index.add(imo, name, name);
                }
            }
        }
        List<String> names = new ArrayList<>(vesselOf.keySet());
        int matched = 0;
        for (int q = 0; q < 60; q++) {
            String known = names.get(random.nextInt(names.size())).substring(8);
            String query = switch (q % 4) {
                case 0 -> typo(known, random);
                case 1 -> known.substring(random.nextInt(known.length() / 2 + 1));
                case 2 -> name(random);
                default -> known;
            };
            List<String> expected = pgTrgm(query, names);
            List<String> actual = index.find(query, SIMILARITY, WORD_SIMILARITY).stream()
                    .map(match -> match.imo() + " " + match.score()).toList();
            assertEquals(expected, actual, "matches of " + query);
            matched += actual.size();
        }
        assertTrue(matched > 100, "the queries match names: " + matched);
    }

    /** What PostgreSQL's similarity and word_similarity make of the query and names: "imo score", best first. */
    private List<String> pgTrgm(String query, List<String> names) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT n, similarity(substr(n, 9), :q), word_similarity(:q, substr(n, 9)) "
                        + "FROM unnest(string_to_array(:names, ',')) AS n")
                .setParameter("q", query).setParameter("names", String.join(",", names)).getResultList();
        Map<String, Float> best = new HashMap<>();
        for (Object[] row : rows) {
            float whole = ((Number) row[1]).floatValue();
            float within = ((Number) row[2]).floatValue();
            if (whole >= SIMILARITY || within >= WORD_SIMILARITY) {
                best.merge(((String) row[0]).substring(0, 7), Math.max(whole, within), Math::max);
            }
        }
        return best.entrySet().stream()
                .sorted(Map.Entry.<String, Float>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> entry.getKey() + " " + entry.getValue()).toList();
    }

    private static String name(Random random) {
        StringBuilder name = new StringBuilder();
        for (int w = 0; w < 1 + random.nextInt(3); w++) {
            name.append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return random.nextBoolean() ? name.append(random.nextInt(40)).toString() : name.toString();
    }

    private static String typo(String name, Random random) {
        int at = random.nextInt(name.length());
        return switch (random.nextInt(3)) {
            case 0 -> name.substring(0, at) + name.substring(at + 1);
            case 1 -> name.substring(0, at) + (char) ('a' + random.nextInt(26)) + name.substring(at + 1);
            default -> name.substring(0, at) + (char) ('a' + random.nextInt(26)) + name.substring(at);
        };
    }
}
