package org.interdict.registry.vessel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.interdict.registry.support.Imos;
import org.interdict.registry.support.Registry;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_registry"))
class VesselResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    @TestSecurity(user = "kor-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "KOR"))
    void registersAVesselWithItsIdentifiersAndNormalisesTheImoNumber() {
        String imo = Imos.next();
        given().contentType(ContentType.JSON)
                .body(Map.of("imo", "IMO " + imo, "name", "CHON MA SAN", "flag", "prk", "mmsi", "445123456",
                        "callSign", "HMEV", "type", "Oil tanker", "grossTonnage", 2734, "buildYear", 1987,
                        "owner", "KOREA CHONMASAN SHIPPING", "operator", "KOREA CHONMASAN SHIPPING"))
                .when().post("/api/registry/vessels")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/registry/vessels/" + imo))
                .body("imo", equalTo(imo))
                .body("flag", equalTo("PRK"))
                .body("mmsi", equalTo("445123456"))
                .body("grossTonnage", equalTo(2734))
                .body("version", greaterThan(0))
                .body("designated", equalTo(false))
                .body("riskSignals", empty());

        given().when().get("/api/registry/vessels/" + imo)
                .then().statusCode(200)
                .body("name", equalTo("CHON MA SAN"))
                .body("owner", equalTo("KOREA CHONMASAN SHIPPING"))
                .body("pastNames", empty())
                .body("designations", empty())
                .body("incidents", empty());
    }

    @Test
    @TestSecurity(user = "kor-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "KOR"))
    void refusesAWrongCheckDigitNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("imo", Imos.withWrongCheckDigit(Imos.next()), "name", "X", "flag", "PAN"))
                .when().post("/api/registry/vessels")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("imo"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("check digit"));
    }

    @Test
    @TestSecurity(user = "kor-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "KOR"))
    void refusesBadIdentifiersNamingTheFields() {
        given().contentType(ContentType.JSON).body(Map.of("imo", "12345", "name", "X", "flag", "PAN"))
                .when().post("/api/registry/vessels")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("imo"));
        given().contentType(ContentType.JSON).body(Map.of("imo", Imos.next(), "name", "X", "flag", "Narnia"))
                .when().post("/api/registry/vessels")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("flag"));
        given().contentType(ContentType.JSON).body(Map.of("imo", Imos.next(), "name", "X", "flag", "PAN",
                        "mmsi", "44512"))
                .when().post("/api/registry/vessels")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("mmsi"));
        given().contentType(ContentType.JSON).body(Map.of("imo", Imos.next(), "flag", "PAN"))
                .when().post("/api/registry/vessels")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON).body("{\"imo\": ")
                .when().post("/api/registry/vessels")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "kor-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "KOR"))
    void refusesADuplicateImoNumber() {
        String imo = Registry.vessel("FIRST", "PAN");
        long version = Registry.version(imo);
        given().contentType(ContentType.JSON).body(Map.of("imo", "IMO" + imo, "name", "SECOND", "flag", "PAN"))
                .when().post("/api/registry/vessels")
                .then().statusCode(409)
                .contentType(PROBLEM)
                .body("status", equalTo(409));
        given().when().get("/api/registry/vessels/" + imo)
                .then().statusCode(200).body("name", equalTo("FIRST")).body("version", equalTo((int) version));
    }

    @Test
    @TestSecurity(user = "busan-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "KOR"), @Claim(key = "port", value = "KRPUS")})
    void answersAnUnknownVesselWith404AndABadImoWith400() {
        given().when().get("/api/registry/vessels/" + Imos.next())
                .then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
        given().when().get("/api/registry/vessels/" + Imos.withWrongCheckDigit(Imos.next()))
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("imo"));
    }

    @Test
    @TestSecurity(user = "jpn-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "JPN"))
    void keepsOldNamesFlagsAndOwnersWithTheirDatesAndTheReportingNation() {
        String imo = Imos.next();
        given().contentType(ContentType.JSON)
                .body(Map.of("imo", imo, "name", "YU PHYONG 5", "flag", "PRK", "owner", "FIRST OWNER"))
                .when().post("/api/registry/vessels").then().statusCode(201);
        long before = Registry.version(imo);

        given().contentType(ContentType.JSON).body(Map.of("name", "JIN HYE", "flag", "SLE", "owner", "SECOND OWNER"))
                .when().patch("/api/registry/vessels/" + imo)
                .then().statusCode(200)
                .body("name", equalTo("JIN HYE"))
                .body("flag", equalTo("SLE"))
                .body("owner", equalTo("SECOND OWNER"))
                .body("version", greaterThan((int) before))
                .body("pastNames", hasSize(1))
                .body("pastNames[0].name", equalTo("YU PHYONG 5"))
                .body("pastNames[0].reportedBy", equalTo("JPN"))
                .body("pastNames[0].from", notNullValue())
                .body("pastNames[0].to", notNullValue())
                .body("pastFlags[0].flag", equalTo("PRK"))
                .body("pastFlags[0].reportedBy", equalTo("JPN"))
                .body("pastOwners[0].holder", equalTo("FIRST OWNER"));

        given().contentType(ContentType.JSON).body(Map.of("name", "JIN HYE"))
                .when().patch("/api/registry/vessels/" + imo)
                .then().statusCode(200).body("pastNames", hasSize(1));
    }

    @Test
    @TestSecurity(user = "jpn-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "JPN"))
    void keepsAnMmsiWhoseMidDisagreesWithTheFlagAsARiskSignal() {
        String imo = Imos.next();
        given().contentType(ContentType.JSON)
                .body(Map.of("imo", imo, "name", "PANAMA IN NAME", "flag", "PAN", "mmsi", "445000001"))
                .when().post("/api/registry/vessels")
                .then().statusCode(201).body("riskSignals", contains("MMSI_MID_MISMATCH"));

        given().contentType(ContentType.JSON).body(Map.of("mmsi", "352000001"))
                .when().patch("/api/registry/vessels/" + imo)
                .then().statusCode(200).body("riskSignals", empty());

        given().contentType(ContentType.JSON).body(Map.of("mmsi", "999000001"))
                .when().patch("/api/registry/vessels/" + imo)
                .then().statusCode(200).body("riskSignals", empty());
    }

    @Test
    @TestSecurity(user = "busan-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "KOR"), @Claim(key = "port", value = "KRPUS")})
    void letsPortOfficersReadButNotWrite() {
        given().when().get("/api/registry/vessels?limit=1").then().statusCode(200).body("items", notNullValue());
        given().contentType(ContentType.JSON).body(Map.of("imo", Imos.next(), "name", "X", "flag", "PAN"))
                .when().post("/api/registry/vessels")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "chn-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "CHN"))
    void refusesNonMemberNationsEverything() {
        given().when().get("/api/registry/vessels").then().statusCode(403).contentType(PROBLEM);
        given().when().get("/api/registry/vessels/" + Imos.next()).then().statusCode(403).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("imo", Imos.next(), "name", "X", "flag", "PAN"))
                .when().post("/api/registry/vessels")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "grc-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "GRC"))
    void refusesSuspendedMembers() {
        given().when().get("/api/registry/vessels").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void refusesCallsWithoutAToken() {
        given().when().get("/api/registry/vessels").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "kor-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "KOR"))
    void refusesAnOversizedJsonBodyWith413() {
        String huge = "x".repeat(1_100_000);
        given().contentType(ContentType.JSON).body(Map.of("imo", Imos.next(), "name", huge, "flag", "PAN"))
                .when().post("/api/registry/vessels")
                .then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
    }

    @Test
    @TestSecurity(user = "kor-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "KOR"))
    void answersAPatchOfAnUnknownVesselWith404() {
        given().contentType(ContentType.JSON).body(Map.of("name", "NOBODY"))
                .when().patch("/api/registry/vessels/" + Imos.next())
                .then().statusCode(404).contentType(PROBLEM).body("detail", notNullValue())
                .body("errors", nullValue());
    }
}
