package org.interdict.registry.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

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

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_registry"))
class ImportResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String UN = "/api/registry/imports/un-1718-vessels";
    private static final String OFAC = "/api/registry/imports/ofac-sdn";

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void importsTheUnSampleOnceAndFindsItUnchangedTheSecondTime() throws IOException {
        byte[] file = resource("un-1718-vessels-sample.csv");
        given().contentType("text/csv").body(file).when().post(UN)
                .then().statusCode(200)
                .body("created", equalTo(4)).body("updated", equalTo(0)).body("unchanged", equalTo(0))
                .body("rejected", hasSize(0));
        long version = Registry.version("9114555");

        given().contentType("text/csv").body(file).when().post(UN)
                .then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(4))
                .body("rejected", hasSize(0));
        assertEquals(version, Registry.version("9114555"), "a second import changes nothing and emits nothing");

        given().when().get("/api/registry/vessels/9114555")
                .then().statusCode(200)
                .body("name", equalTo("UL JI BONG 6"))
                .body("flag", equalTo("PRK"))
                .body("designated", equalTo(true))
                .body("designations[0].authority", equalTo("UN"))
                .body("designations[0].listedOn", equalTo("2017-12-28"));
        given().when().get("/api/registry/vessels/9191773")
                .then().statusCode(200).body("flag", nullValue()).body("designated", equalTo(true));
        given().queryParam("q", "ryesonggang1").when().get("/api/registry/vessels")
                .then().statusCode(200).body("items.imo", hasItem("7389704"));
        given().queryParam("q", "RYE SONG GAMG 1").when().get("/api/registry/vessels")
                .then().statusCode(200).body("items.imo", hasItem("7389704"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void importsTheOfacSampleVesselsOnlyRejectingTheBadCheckDigit() throws IOException {
        byte[] file = resource("ofac-sdn-sample.xml");
        given().contentType("application/xml").body(file).when().post(OFAC)
                .then().statusCode(200)
                .body("created", equalTo(1)).body("updated", equalTo(0)).body("unchanged", equalTo(0))
                .body("skipped", equalTo(1))
                .body("rejected", hasSize(1))
                .body("rejected[0].entry", containsString("900003"))
                .body("rejected[0].reason", containsString("check digit"));
        given().contentType("application/xml").body(file).when().post(OFAC)
                .then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(1))
                .body("rejected", hasSize(1));

        given().when().get("/api/registry/vessels/7303803")
                .then().statusCode(200)
                .body("name", equalTo("AN SAN 1"))
                .body("flag", equalTo("PRK"))
                .body("owner", equalTo("KOREA ANSAN SHIPPING COMPANY"))
                .body("designations[0].authority", equalTo("OFAC"))
                .body("designations[0].reference", equalTo("23730"))
                .body("designations[0].basis", equalTo("DPRK4"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void findsColumnsByHeaderAndListsEveryRejectedEntryWithItsReason() {
        String multiNamed = Imos.next();
        String hongKong = Imos.next();
        String csv = "Date of Designation,Flag,IMO Number,Vessel Name\r\n"
                + "3-Mar-16,Democratic People's Republic of Korea,,NO NUMBER\r\n"
                + "3-Mar-16,Panama," + Imos.withWrongCheckDigit(Imos.next()) + ",WRONG DIGIT\r\n"
                + "3-Mar-16,Narnia," + Imos.next() + ",FAR AWAY\r\n"
                + "3-Mar-16,\"Korea, North\",IMO " + multiNamed + ",1: CURRENT NAME 2: FORMER NAME\r\n"
                + "30 Mar 2018,HK," + hongKong + ",\"HONG \"\"KONG\"\" SHIP\"\r\n";
        given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).when().post(UN)
                .then().statusCode(200)
                .body("created", equalTo(2))
                .body("rejected", hasSize(3))
                .body("rejected[0].reason", containsString("no IMO"))
                .body("rejected[1].reason", containsString("check digit"))
                .body("rejected[2].reason", containsString("unknown flag"))
                .body("rejected[2].entry", containsString("FAR AWAY"));
        given().when().get("/api/registry/vessels/" + multiNamed)
                .then().statusCode(200)
                .body("name", equalTo("CURRENT NAME"))
                .body("flag", equalTo("PRK"))
                .body("pastNames[0].name", equalTo("FORMER NAME"))
                .body("pastNames[0].reportedBy", equalTo("UN"));
        given().when().get("/api/registry/vessels/" + hongKong)
                .then().statusCode(200)
                .body("name", equalTo("HONG \"KONG\" SHIP"))
                .body("flag", equalTo("HKG"))
                .body("designations[0].listedOn", equalTo("2018-03-30"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void keepsOfacFormerNamesAsPastNamesThatSearchFinds() {
        String imo = Imos.next();
        String xml = """
                <?xml version="1.0"?>
                <sdnList xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML">
                  <sdnEntry>
                    <uid>777001</uid><lastName>NEW DISGUISE</lastName><sdnType>Vessel</sdnType>
                    <programList><program>DPRK3</program><program>DPRK4</program></programList>
                    <idList>
                      <id><uid>1</uid><idType>Vessel Registration Identification</idType><idNumber>IMO %s</idNumber></id>
                      <id><uid>2</uid><idType>MMSI</idType><idNumber>445112233</idNumber></id>
                    </idList>
                    <akaList><aka><uid>3</uid><type>f.k.a.</type><category>strong</category><lastName>OLD QUOXLANDER</lastName></aka></akaList>
                    <vesselInfo><vesselFlag>None Identified</vesselFlag><vesselType>Crude Oil Tanker</vesselType></vesselInfo>
                  </sdnEntry>
                </sdnList>
                """.formatted(imo);
        given().contentType("application/xml").body(xml).when().post(OFAC)
                .then().statusCode(200).body("created", equalTo(1)).body("rejected", hasSize(0));
        given().when().get("/api/registry/vessels/" + imo)
                .then().statusCode(200)
                .body("flag", nullValue())
                .body("mmsi", equalTo("445112233"))
                .body("type", equalTo("Crude Oil Tanker"))
                .body("pastNames[0].name", equalTo("OLD QUOXLANDER"))
                .body("pastNames[0].reportedBy", equalTo("OFAC"))
                .body("designations[0].basis", equalTo("DPRK3, DPRK4"));
        given().queryParam("q", "old quoxlander").when().get("/api/registry/vessels")
                .then().statusCode(200).body("items.imo", hasItem(imo));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void refusesMalformedFilesWith400() {
        given().contentType("text/csv").body("Name,Flag\nX,Panama\n").when().post(UN)
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType("text/csv").body("Vessel Name,IMO Number\n\"unterminated,9191773\n").when().post(UN)
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType("application/xml").body("<sdnList><sdnEntry>").when().post(OFAC)
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType("application/xml").body("<html><body/></html>").when().post(OFAC)
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void refusesAFileOverTheLimitWith413() {
        byte[] big = ("Vessel Name,IMO Number\n" + "A,1234567\n".repeat(300_000)).getBytes(StandardCharsets.UTF_8);
        given().contentType("text/csv").body(big).when().post(UN)
                .then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void countsImportsByOutcomeAndShowsTheRegistrysFigures() {
        given().contentType("application/xml").body("<sdnList>").when().post(OFAC).then().statusCode(400);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("registry_imports_total{list=\"ofac-sdn\",outcome=\"malformed\""))
                .body(containsString("registry_vessels "))
                .body(containsString("registry_designations_active "));
    }

    @Test
    @TestSecurity(user = "kor-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "KOR"))
    void refusesMinistries() {
        given().contentType("text/csv").body("Vessel Name,IMO Number\n").when().post(UN)
                .then().statusCode(403).contentType(PROBLEM);
        given().contentType("application/xml").body("<sdnList/>").when().post(OFAC)
                .then().statusCode(403).contentType(PROBLEM);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ImportResourceTest.class.getResourceAsStream("/" + name)) {
            return in.readAllBytes();
        }
    }
}
