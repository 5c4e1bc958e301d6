package org.interdict.clearance.identifiers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** The flags a vessel may fly: ISO 3166-1 alpha-3 codes, from a fixed table. */
public final class Flags {

    private static final Set<String> CODES = load();

    private Flags() {
    }

    public static boolean isValid(String flag) {
        return flag != null && CODES.contains(flag);
    }

    private static Set<String> load() {
        Set<String> codes = new HashSet<>();
        try (InputStream in = Flags.class.getResourceAsStream("/identifiers/iso3166-alpha3.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(codes::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(codes);
    }
}
