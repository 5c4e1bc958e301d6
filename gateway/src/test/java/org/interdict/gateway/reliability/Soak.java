package org.interdict.gateway.reliability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.interdict.gateway.e2e.Platform;
import org.interdict.gateway.e2e.Tokens;
import org.interdict.stack.Stack;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The soak (docs/RELIABILITY.md; not in CI): mixed load through the gateway of a fresh e2e stack at a moderate rate,
 * reporting each minute the errors so far, each service's heap in use and its outbox backlog. Run with
 * {@code ./mvnw package -DskipTests -Psoak [-Dsoak.minutes=10] [-Dsoak.rate=10]}; it exits with 1 when any call
 * failed.
 */
public final class Soak {

    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} (\\S+)$",
            Pattern.MULTILINE);
    private static final Pattern BACKLOG = Pattern.compile("^outbox_backlog(?:\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);
    private static final List<Stack.App> SERVICES = List.of(Stack.App.REGISTRY, Stack.App.CLEARANCE,
            Stack.App.READOUTS);

    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Map<String, String> lastErrors = new ConcurrentHashMap<>();

    private Soak() {
    }

    public static void main(String[] args) throws InterruptedException {
        int minutes = Integer.getInteger("soak.minutes", 10);
        int rate = Integer.getInteger("soak.rate", 10);
        Soak soak = new Soak();
        Platform.stack();
        System.out.printf("Soak: %d minutes, %d calls a second, through %s%n", minutes, rate, Platform.stack().gatewayUrl());
        System.out.println("minute | calls | errors | heap MB registry/clearance/readouts | outbox backlog registry/clearance/readouts");
        ScheduledExecutorService load = Executors.newScheduledThreadPool(4);
        AtomicLong tick = new AtomicLong();
        load.scheduleAtFixedRate(() -> soak.call(tick.getAndIncrement()), 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        for (int minute = 1; minute <= minutes; minute++) {
            Thread.sleep(Duration.ofMinutes(1).toMillis());
            soak.tokens.clear(); // access tokens live minutes: log in again
            System.out.printf("%6d | %5d | %6d | %s | %s%n", minute, soak.calls.get(), soak.errors.get(),
                    soak.figures(HEAP, 1024 * 1024), soak.figures(BACKLOG, 1));
        }
        load.shutdown();
        load.awaitTermination(1, TimeUnit.MINUTES);
        soak.lastErrors.forEach((kind, error) -> System.out.println("last " + kind + " error: " + error));
        System.exit(soak.errors.get() == 0 ? 0 : 1);
    }

    /** One call of the mix: mostly clearance decisions and reads, some registrations, designations and readouts. */
    private void call(long n) {
        String kind = switch ((int) (n % 10)) {
            case 0, 5 -> "register";
            case 1, 3, 6, 8 -> "clearance";
            case 2 -> "search";
            case 4 -> "readout";
            case 7 -> "inbox";
            default -> "designate";
        };
        try {
            int status = switch (kind) {
                case "register" -> as("kor-ministry").contentType(ContentType.JSON)
                        .body(Map.of("imo", Fleet.newImo(), "name", "SOAK " + n, "flag", "PAN"))
                        .post("/api/registry/vessels").statusCode();
                case "designate" -> designate(n);
                case "clearance" -> as("busan-officer").contentType(ContentType.JSON)
                        .body(Map.of("imo", Fleet.newImo(), "name", "SOAK " + n, "flag", "PAN", "port", "KRPUS",
                                "eta", Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                        .post("/api/clearance/requests").statusCode();
                case "search" -> as("jpn-ministry").get("/api/registry/vessels?q=SOAK&limit=20").statusCode();
                case "readout" -> as("can-ministry").contentType(ContentType.JSON)
                        .body(Map.of("title", "Soak " + n, "meetingDate", LocalDate.now().toString(), "body", "Soak",
                                "tlp", "GREEN", "releasableTo", List.of("CAN", "USA", "KOR")))
                        .post("/api/readouts").statusCode();
                default -> as("usa-ministry").get("/api/readouts/inbox?limit=50").statusCode();
            };
            calls.incrementAndGet();
            if (status >= 300) {
                fail(kind, "status " + status);
            }
        } catch (RuntimeException e) {
            calls.incrementAndGet();
            fail(kind, e.toString());
        }
    }

    private int designate(long n) {
        String imo = Fleet.newImo();
        int registered = as("kor-ministry").contentType(ContentType.JSON)
                .body(Map.of("imo", imo, "name", "SOAK LISTED " + n, "flag", "PAN"))
                .post("/api/registry/vessels").statusCode();
        if (registered != 201) {
            return registered;
        }
        return as("admin").contentType(ContentType.JSON)
                .body(Map.of("authority", "UN", "reference", "SOAK-" + n, "listedOn", LocalDate.now().toString()))
                .post("/api/registry/vessels/" + imo + "/designations").statusCode();
    }

    private void fail(String kind, String error) {
        errors.incrementAndGet();
        lastErrors.put(kind, error);
    }

    private RequestSpecification as(String user) {
        return Platform.gateway().auth().oauth2(tokens.computeIfAbsent(user, Tokens::fetch));
    }

    /** The metric summed per service, straight from each service's /q/metrics. */
    private String figures(Pattern metric, long unit) {
        StringBuilder out = new StringBuilder();
        for (Stack.App app : SERVICES) {
            double sum = 0;
            Matcher values = metric.matcher(RestAssured.get(Platform.stack().app(app).url() + "/q/metrics").asString());
            while (values.find()) {
                sum += Double.parseDouble(values.group(1));
            }
            out.append(out.isEmpty() ? "" : "/").append(Math.round(sum / unit));
        }
        return out.toString();
    }
}
