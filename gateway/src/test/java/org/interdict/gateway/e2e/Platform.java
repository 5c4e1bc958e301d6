package org.interdict.gateway.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.interdict.stack.Layout;
import org.interdict.stack.Stack;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * The whole platform for the end-to-end suite, started once per test JVM with the same code as the run command, on
 * free ports and fresh databases, so that it runs beside a development stack. It stops with the JVM.
 */
public final class Platform {

    /**
     * How old port-clearance lets the registry's data get before it stops clearing vessels: short, so that the
     * registry outage test sees it pass, and still many heartbeats long, so that no other test sees stale data.
     */
    public static final Duration FRESHNESS = Duration.ofSeconds(20);
    private static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(2);

    private static Stack stack;
    private static RuntimeException failure;

    private Platform() {
    }

    /** The running stack; a stack that failed to start fails every test with the same reason, without retrying. */
    public static synchronized Stack stack() {
        if (failure != null) {
            throw failure;
        }
        if (stack == null) {
            Layout layout = Layout.locate();
            Path runDir = layout.root().resolve("gateway/target/e2e-stack");
            try {
                // the fault proxy before PostgreSQL lets the database outage test cut the services off the shared server
                stack = Stack.start(layout, new Stack.Options(runDir, Stack.PortPlan.free(),
                        "interdict_e2e_" + layout.checkoutId() + "_", true,
                        Map.of("interdict.outbox.poll-interval", "100ms",
                                "interdict.clearance.freshness", FRESHNESS.toSeconds() + "s",
                                "interdict.registry.heartbeat-interval", HEARTBEAT_INTERVAL.toSeconds() + "s"),
                        true));
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "e2e-stack-stop"));
        }
        return stack;
    }

    /** A request to the gateway, as a client outside the platform makes it. */
    public static RequestSpecification gateway() {
        return RestAssured.given().baseUri(stack().gatewayUrl());
    }

    /** A request to the gateway with the user's token. */
    public static RequestSpecification as(String username) {
        return gateway().auth().oauth2(Tokens.of(username));
    }
}
