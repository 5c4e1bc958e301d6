package org.interdict.gateway.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stand-ins for the services in the gateway's fast tests: {@code registry} and {@code readouts} echo each request as
 * JSON (paths containing {@code /slow} answer after 3 s), {@code clearance} is a port where nothing listens.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    /** The X-Request-Id of every request that reached a stand-in. */
    public static final Set<String> REQUEST_IDS = ConcurrentHashMap.newKeySet();

    /** Requests that reached a {@code /slow} path. */
    public static final AtomicInteger SLOW_CALLS = new AtomicInteger();

    private static final String OPENAPI = """
            {"openapi":"3.1.0","paths":{"/api/registry/fake":{"get":{"summary":"A fake operation",
            "responses":{"200":{"description":"ok","content":{"application/json":{"schema":
            {"$ref":"#/components/schemas/Fake"}}}}}}},"/q/health":{"get":{}}},
            "components":{"schemas":{"Fake":{"type":"object"}}}}""";

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", FakeServices::answer);
            server.start();
            int dead;
            try (ServerSocket socket = new ServerSocket(0)) {
                dead = socket.getLocalPort();
            }
            String echo = "http://127.0.0.1:" + server.getAddress().getPort();
            return Map.ofEntries(
                    Map.entry("interdict.gateway.services.registry", echo),
                    Map.entry("interdict.gateway.services.readouts", echo),
                    Map.entry("interdict.gateway.services.clearance", "http://127.0.0.1:" + dead),
                    Map.entry("interdict.gateway.response-timeout", "1s"),
                    Map.entry("interdict.gateway.connect-timeout", "1s"),
                    Map.entry("interdict.gateway.breaker.window", "4"),
                    Map.entry("interdict.gateway.breaker.open-for", "60s"),
                    Map.entry("interdict.gateway.access-rules", "access-rules.csv,test-access-rules.csv"),
                    Map.entry("interdict.gateway.routes.limited.prefix", "/api/limited"),
                    Map.entry("interdict.gateway.routes.limited.service", "registry"),
                    Map.entry("interdict.gateway.routes.limited.rate-limit.per-second", "1"),
                    Map.entry("interdict.gateway.routes.limited.rate-limit.burst", "3"),
                    Map.entry("interdict.gateway.large-bodies.\"/api/registry/imports\"", "4K"),
                    Map.entry("interdict.gateway.max-body-size", "1K"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
        if (requestId != null) {
            REQUEST_IDS.add(requestId);
        }
        byte[] body;
        if (path.equals("/q/openapi")) {
            body = OPENAPI.getBytes(StandardCharsets.UTF_8);
        } else {
            if (path.contains("/slow")) {
                SLOW_CALLS.incrementAndGet();
                sleep();
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            long length;
            try (InputStream in = exchange.getRequestBody()) {
                length = in.readAllBytes().length;
            }
            body = new ObjectMapper().writeValueAsBytes(Map.of("method", exchange.getRequestMethod(), "path", path,
                    "headers", headers, "bodyLength", length));
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Server", "fake/1.0");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void sleep() {
        try {
            Thread.sleep(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
