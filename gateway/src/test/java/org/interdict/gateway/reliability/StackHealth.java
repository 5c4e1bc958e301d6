package org.interdict.gateway.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.interdict.gateway.e2e.Platform;
import org.interdict.stack.Stack;

/** What a fault test waits for before it ends, so that the next test finds the stack as healthy as a new one. */
final class StackHealth {

    private StackHealth() {
    }

    /**
     * Every application running (started again if a test left it down) and ready, writes acknowledged again through
     * the gateway (its breakers closed) and the registry's heartbeats reaching port-clearance again: a clean vessel
     * clears.
     */
    static void awaitRecovered() {
        Stack stack = Platform.stack();
        for (Stack.App app : Stack.App.values()) {
            stack.app(app).start(stack.layout());
        }
        String imo = Fleet.newImo();
        int registered = Fleet.eventually(() -> Fleet.register(imo, "HEALTHY TANKER").statusCode(),
                status -> status == 201 || status == 409);
        assertTrue(registered == 201 || registered == 409, "registration after the fault: " + registered);
        String decision = Fleet.eventually(() -> {
            var answer = Fleet.clearanceRequest(imo, "HEALTHY TANKER");
            return answer.statusCode() == 201 ? answer.jsonPath().getString("decision") : "HTTP " + answer.statusCode();
        }, "CLEAR"::equals);
        assertEquals("CLEAR", decision, "a clean vessel's clearance after the fault");
    }
}
