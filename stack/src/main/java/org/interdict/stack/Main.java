package org.interdict.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The run command: the whole platform on this machine until Ctrl-C or SIGTERM. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Stack stack;
        try {
            Layout layout = Layout.locate();
            Path runDir = layout.root().resolve(".interdict/dev");
            // The databases live and die with the run directory's broker and identity data: a clone's first run (or
            // one after .interdict/dev was deleted) starts them empty, since the events that filled them are gone.
            boolean firstRun = !Files.isDirectory(runDir);
            System.out.println("Starting Interdict (logs in " + runDir.resolve("logs") + ") ...");
            stack = Stack.start(layout, new Stack.Options(runDir, Stack.PortPlan.development(),
                    "interdict_dev_" + layout.checkoutId() + "_", firstRun, Map.of()));
        } catch (StackException e) {
            System.err.println("interdict: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Interdict ...");
            stack.close();
        }, "interdict-stop"));
        String gateway = stack.gatewayUrl();
        System.out.println("""

                Interdict is up.
                  Gateway (point clients here):  %s
                  OpenAPI / Swagger UI:          %s/q/openapi  %s/q/swagger-ui
                  Keycloak (realm coalition):    %s
                  Kafka bootstrap:               %s

                A token and a first call (every development user's password is <username>-pass):
                  TOKEN=$(curl -s -d grant_type=password -d client_id=coalition-cli -d username=jpn-ministry -d password=jpn-ministry-pass %s | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/') && curl -s -H "Authorization: Bearer $TOKEN" %s/api/whoami

                Ctrl-C stops everything.
                """.formatted(gateway, gateway, gateway, stack.keycloak().url(), stack.kafka().bootstrapServers(),
                stack.keycloak().tokenUrl(), gateway));
        Thread.currentThread().join();
    }
}
