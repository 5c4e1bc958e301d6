package org.interdict.registry.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;

import org.interdict.registry.support.Imos;
import org.interdict.stack.InfrastructureTestResource;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * A generated list imports, then re-imports unchanged; the times are logged, not asserted. 2,000 entries keep the
 * build fast; {@code -Dinterdict.benchmark.entries=10000} gives the figure.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_registry"))
class ImportBenchmarkTest {

    private static final Logger LOG = Logger.getLogger(ImportBenchmarkTest.class);
    private static final int ENTRIES = Integer.getInteger("interdict.benchmark.entries", 2_000);

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void importsAGeneratedListThenFindsItUnchanged() {
        StringBuilder csv = new StringBuilder("#,Vessel Name,IMO Number,MMSI,Flag,Call Sign,Type,Other Information,"
                + "Designated Owner/Operator,Date of Designation\n");
        for (int i = 0; i < ENTRIES; i++) {
            csv.append(i + 1).append(",GENERATED VESSEL ").append(i).append(',')
                    .append(Imos.withCheckDigit(300_000 + i)).append(",,Democratic People's Republic of Korea,,,,,")
                    .append("28-Dec-17\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

        long start = System.nanoTime();
        given().contentType("text/csv").body(file).when().post("/api/registry/imports/un-1718-vessels")
                .then().statusCode(200).body("created", equalTo(ENTRIES)).body("rejected", hasSize(0));
        long first = (System.nanoTime() - start) / 1_000_000;

        start = System.nanoTime();
        given().contentType("text/csv").body(file).when().post("/api/registry/imports/un-1718-vessels")
                .then().statusCode(200).body("unchanged", equalTo(ENTRIES));
        long second = (System.nanoTime() - start) / 1_000_000;
        LOG.infof("BENCHMARK import of %d UN entries (%d bytes): %d ms new, %d ms unchanged", ENTRIES, file.length,
                first, second);
    }
}
