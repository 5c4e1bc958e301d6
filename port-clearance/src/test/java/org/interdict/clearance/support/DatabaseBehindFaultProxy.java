package org.interdict.clearance.support;

import java.util.HashMap;
import java.util.Map;

import org.interdict.stack.FaultProxy;
import org.interdict.stack.InfrastructureTestResource;
import org.interdict.stack.Postgres;

/**
 * The test infrastructure with the service's database reached through a fault proxy, which plays the database's
 * outage without touching the shared server; {@code journal-capacity} sets how many decisions may wait to be kept.
 * For one test class only ({@code restrictToAnnotatedClass}): the others share the plain infrastructure.
 */
public class DatabaseBehindFaultProxy extends InfrastructureTestResource {

    private static FaultProxy proxy;
    private String capacity;

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(initArgs);
        capacity = initArgs.getOrDefault("journal-capacity", "5000");
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        Postgres postgres = Postgres.fromEnvironment();
        proxy = FaultProxy.start(postgres.host(), postgres.port());
        String direct = postgres.jdbcUrl("");
        String proxied = postgres.via("127.0.0.1", proxy.port()).jdbcUrl("");
        config.put("quarkus.datasource.jdbc.url", config.get("quarkus.datasource.jdbc.url").replace(direct, proxied));
        config.put("interdict.clearance.journal.capacity", capacity);
        return config;
    }

    /** After the infrastructure every test class shares, so that this database address overrides its own. */
    @Override
    public int order() {
        return 1;
    }

    public static FaultProxy proxy() {
        return proxy;
    }

    @Override
    public void stop() {
        proxy.close();
        super.stop();
    }
}
