package org.interdict.registry.support;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;

/** Test calls that set the scene; the caller is the test method's {@code @TestSecurity} identity. */
public final class Registry {

    private Registry() {
    }

    /** Registers a vessel with a fresh IMO number and returns it. */
    public static String vessel(String name, String flag) {
        String imo = Imos.next();
        given().contentType(ContentType.JSON).body(Map.of("imo", imo, "name", name, "flag", flag))
                .when().post("/api/registry/vessels")
                .then().statusCode(201);
        return imo;
    }

    public static long version(String imo) {
        return given().when().get("/api/registry/vessels/" + imo).then().statusCode(200).extract().jsonPath()
                .getLong("version");
    }
}
