package org.interdict.registry.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Trigram arithmetic as PostgreSQL's pg_trgm does it, for names already normalised to one word of letters and digits
 * ({@code SearchNames}): the word padded with two spaces before and one after, cut into every run of three
 * characters. Scores are computed in {@code float}, as pg_trgm's are, so the same names score the same.
 */
final class Trigrams {

    private Trigrams() {
    }

    /** The word's trigrams in order, repeats included; none for an empty word. */
    static List<String> of(String word) {
        if (word.isEmpty()) {
            return List.of();
        }
        int[] padded = ("  " + word + " ").codePoints().toArray();
        List<String> trigrams = new ArrayList<>(padded.length - 2);
        for (int i = 0; i + 3 <= padded.length; i++) {
            trigrams.add(new String(padded, i, 3));
        }
        return trigrams;
    }

    /** pg_trgm's similarity: shared trigrams over the trigrams of either. */
    static float similarity(int shared, int first, int second) {
        return (float) shared / (float) (first + second - shared);
    }

    /**
     * pg_trgm's word similarity of a query within a name (its non-strict {@code iterate_word_similarity}): the best
     * similarity between the query's trigrams and any run of the name's, the run's start moved forward greedily.
     *
     * @param order the name's trigrams in order, each as its index among the name's distinct trigrams
     * @param found for each of the name's distinct trigrams, whether the query has it
     * @param queryTrigrams how many distinct trigrams the query has
     */
    static float wordSimilarity(int[] order, boolean[] found, int queryTrigrams) {
        int[] lastSeen = new int[found.length];
        Arrays.fill(lastSeen, -1);
        int distinct = 0;
        int shared = 0;
        int lower = -1;
        float best = 0f;
        for (int i = 0; i < order.length; i++) {
            int trigram = order[i];
            if (lower >= 0 || found[trigram]) {
                if (lastSeen[trigram] < 0) {
                    distinct++;
                    if (found[trigram]) {
                        shared++;
                    }
                }
                lastSeen[trigram] = i;
            }
            if (!found[trigram]) {
                continue;
            }
            if (lower == -1) {
                lower = i;
                distinct = 1;
            }
            float current = similarity(shared, queryTrigrams, distinct);
            int tryShared = shared;
            int tryDistinct = distinct;
            int previousLower = lower;
            for (int start = lower; start <= i; start++) {
                float tried = similarity(tryShared, queryTrigrams, tryDistinct);
                if (tried > current) {
                    current = tried;
                    distinct = tryDistinct;
                    lower = start;
                    shared = tryShared;
                }
                int dropped = order[start];
                if (lastSeen[dropped] == start) {
                    tryDistinct--;
                    if (found[dropped]) {
                        tryShared--;
                    }
                }
            }
            best = Math.max(best, current);
            for (int start = previousLower; start < lower; start++) {
                if (lastSeen[order[start]] == start) {
                    lastSeen[order[start]] = -1;
                }
            }
        }
        return best;
    }
}
