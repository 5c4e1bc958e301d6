package org.interdict.gateway.bench;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The generated vessels the benchmark seeds: vessel {@code i} has the IMO number {@code base + i} with its check digit
 * and a name built from word lists (a few hundred thousand distinct names, so fuzzy search has real neighbours).
 * The first {@code designated} vessels come in as the UN 1718 list; the others are registered one by one.
 */
final class Fleet {

    private static final List<String> FIRST = List.of("OCEAN", "NORTH", "GOLDEN", "EASTERN", "PACIFIC", "SILVER",
            "GRAND", "BRIGHT", "ROYAL", "STAR", "SUN", "JADE", "PEARL", "BLUE", "CRYSTAL", "GLORY", "UNITY", "HARMONY",
            "VICTORY", "FORTUNE", "LUCKY", "NEW", "GREAT", "CAPE", "SEA", "ASIA", "ORIENT", "DIAMOND", "EMERALD",
            "CORAL", "MAPLE", "LOTUS", "PHOENIX", "DRAGON", "TIGER", "HORIZON", "ATLAS", "POLAR", "SOUTHERN", "WESTERN");
    private static final List<String> SECOND = List.of("PIONEER", "SPIRIT", "VENTURE", "PRIDE", "WAVE", "BREEZE",
            "HARVEST", "MERCHANT", "EXPRESS", "TRADER", "CARRIER", "NAVIGATOR", "VOYAGER", "GUARDIAN", "DAWN", "ARROW",
            "FALCON", "EAGLE", "MARINER", "SAILOR", "BRIDGE", "HARBOUR", "ISLAND", "RIVER", "PEAK", "CROWN", "HOPE",
            "LEGEND", "ENERGY", "PROSPERITY", "GRACE", "TREASURE", "BLOSSOM", "JOURNEY", "COMPASS", "ANCHOR", "SPLENDOR",
            "MAJESTY", "PATRIOT", "CHAMPION");
    private static final List<String> FLAGS = List.of("PAN", "LBR", "MHL", "HKG", "SGP", "MLT", "BHS", "GRC", "CYP",
            "KOR", "JPN", "CHN");
    /** Flags as the UN list writes them: country names. */
    private static final Map<String, String> FLAG_NAMES = Map.ofEntries(Map.entry("PAN", "Panama"),
            Map.entry("LBR", "Liberia"), Map.entry("MHL", "Marshall Islands"), Map.entry("HKG", "Hong Kong"),
            Map.entry("SGP", "Singapore"), Map.entry("MLT", "Malta"), Map.entry("BHS", "Bahamas"),
            Map.entry("GRC", "Greece"), Map.entry("CYP", "Cyprus"), Map.entry("KOR", "Republic of Korea"),
            Map.entry("JPN", "Japan"), Map.entry("CHN", "China"));

    /** One generated vessel. */
    record Vessel(String imo, String name, String flag) {
    }

    private final int base;
    private final int size;
    private final int designated;

    Fleet(int base, int size, int designated) {
        if (base + size >= 1_000_000 || base < 100_000) {
            throw new IllegalArgumentException("IMO numbers are 7 digits: base and size must stay within 100000..999999");
        }
        this.base = base;
        this.size = size;
        this.designated = Math.min(designated, size);
    }

    int size() {
        return size;
    }

    int designated() {
        return designated;
    }

    Vessel vessel(int i) {
        int serial = base + i;
        String name = FIRST.get(i % FIRST.size()) + " " + SECOND.get((i / FIRST.size()) % SECOND.size()) + " "
                + (1 + i / (FIRST.size() * SECOND.size()));
        return new Vessel(imo(serial), name, FLAGS.get(Math.floorMod(serial * 31, FLAGS.size())));
    }

    /** A vessel that is not on the seeded UN list. */
    Vessel clear(Random random) {
        return vessel(designated + random.nextInt(size - designated));
    }

    /** The IMO number of six digits and their check digit: weights 7 to 2, the sum's last digit. */
    static String imo(int serial) {
        String digits = Integer.toString(serial);
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += (digits.charAt(i) - '0') * (7 - i);
        }
        return digits + (sum % 10);
    }

    /** The UN 1718 Committee's list as its CSV export, for these vessels. */
    static String unList(List<Vessel> vessels) {
        String header = "#,Vessel Name,IMO Number,MMSI,Flag,Call Sign,Type,Other Information,"
                + "Designated Owner/Operator,Date of Designation\n";
        return header + IntStream.range(0, vessels.size()).mapToObj(i -> {
            Vessel vessel = vessels.get(i);
            return (i + 1) + "," + vessel.name() + "," + vessel.imo() + ",," + FLAG_NAMES.get(vessel.flag())
                    + ",,Oil tanker,Benchmark entry,,28-Dec-17";
        }).collect(Collectors.joining("\n", "", "\n"));
    }

    /** The name as a hurried officer types it: one letter dropped, doubled or swapped with its neighbour. */
    static String typo(String name, Random random) {
        StringBuilder typed = new StringBuilder(name);
        int at = random.nextInt(name.indexOf(' '));
        switch (random.nextInt(3)) {
            case 0 -> typed.deleteCharAt(at);
            case 1 -> typed.insert(at, name.charAt(at));
            default -> {
                char letter = typed.charAt(at);
                typed.setCharAt(at, typed.charAt(at + 1));
                typed.setCharAt(at + 1, letter);
            }
        }
        return typed.toString();
    }
}
