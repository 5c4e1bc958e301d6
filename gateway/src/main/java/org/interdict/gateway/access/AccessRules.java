package org.interdict.gateway.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The gateway's authorization table, read from CSV resources ({@code method,path,roles,consumes}). A path that no row
 * names is unknown to the gateway (404) and a known path with another method is 405: nothing passes unlisted.
 */
public final class AccessRules {

    private record Entry(AccessRule rule, Pattern pattern) {
    }

    /** What the table says about one request. */
    public sealed interface Decision {
        record Allowed(AccessRule rule) implements Decision {
        }

        record UnknownPath() implements Decision {
        }

        record MethodNotAllowed(Set<String> allowed) implements Decision {
        }
    }

    private final List<Entry> entries;

    private AccessRules(List<AccessRule> rules) {
        this.entries = rules.stream()
                .sorted(Comparator.comparingInt(AccessRule::specificity).reversed())
                .map(rule -> new Entry(rule, rule.pattern()))
                .toList();
    }

    public static AccessRules of(List<AccessRule> rules) {
        return new AccessRules(rules);
    }

    /** Reads every named classpath resource, in order. */
    public static AccessRules load(List<String> resources) {
        List<AccessRule> rules = new ArrayList<>();
        for (String resource : resources) {
            rules.addAll(read(resource));
        }
        return new AccessRules(rules);
    }

    public static List<AccessRule> read(String resource) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("No access rules resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<AccessRule> rules = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("method,")) {
                    continue;
                }
                String[] cells = trimmed.split(",", -1);
                if (cells.length != 4 || !cells[1].startsWith("/")) {
                    throw new IllegalStateException("Bad access rule in " + resource + ": " + line);
                }
                rules.add(new AccessRule(cells[0].strip(), cells[1].strip(), Set.of(words(cells[2])),
                        List.of(words(cells[3]))));
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] words(String cell) {
        return Arrays.stream(cell.strip().split("\\s+")).filter(word -> !word.isEmpty()).toArray(String[]::new);
    }

    public List<AccessRule> rules() {
        return entries.stream().map(Entry::rule).toList();
    }

    public Decision decide(String method, String path) {
        Set<String> allowed = new TreeSet<>();
        for (Entry entry : entries) {
            if (entry.pattern().matcher(path).matches()) {
                if (entry.rule().method().equalsIgnoreCase(method)) {
                    return new Decision.Allowed(entry.rule());
                }
                allowed.add(entry.rule().method());
            }
        }
        return allowed.isEmpty() ? new Decision.UnknownPath() : new Decision.MethodNotAllowed(allowed);
    }

    /** The rule for a request, if the table has one. */
    public Optional<AccessRule> ruleFor(String method, String path) {
        return decide(method, path) instanceof Decision.Allowed allowed ? Optional.of(allowed.rule())
                : Optional.empty();
    }
}
