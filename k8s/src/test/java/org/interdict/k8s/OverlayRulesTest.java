package org.interdict.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both overlays render offline, and every rule holds for every object they render. */
class OverlayRulesTest {

    static Stream<Arguments> overlaysAndRules() {
        return Overlays.NAMES.stream().flatMap(overlay -> Arrays.stream(Rule.values())
                .filter(rule -> rule.appliesTo(overlay))
                .map(rule -> Arguments.of(overlay, rule)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndRules")
    void ruleHolds(String overlay, Rule rule) {
        Manifests manifests = Overlays.rendered(overlay);
        assertEquals(List.of(), rule.check(manifests), rule.description());
    }
}
