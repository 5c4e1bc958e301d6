package org.interdict.readouts.readout;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.interdict.commons.membership.Membership;
import org.interdict.readouts.delivery.Deliveries;
import org.interdict.readouts.delivery.DeliveryStatus;
import org.interdict.readouts.delivery.DeliveryView;
import org.interdict.readouts.inbox.Inbox;
import org.interdict.readouts.support.Nations;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/** PENDING → DELIVERED (first fetch) → ACKNOWLEDGED, as the author's nation sees it. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_readouts"))
class DeliveryFlowTest {

    @Inject
    Membership membership;

    @Inject
    ReadoutService service;

    @Inject
    Inbox inbox;

    @Inject
    Deliveries deliveries;

    @Test
    @TestSecurity(user = "kor-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "KOR"))
    void japansFetchAndAcknowledgementShowInTheAuthorsDeliveries() {
        Nations.seed(membership);
        Readout readout = service.publish(new Author("KOR", "kor-ministry", false), new PublishReadout("Summit",
                LocalDate.of(2026, 11, 2), "Text", Tlp.AMBER, List.of("JPN", "CHN"), null));
        String id = readout.id.toString();
        given().get("/api/readouts/{id}/deliveries", id).then().statusCode(200)
                .body("items.status", equalTo(List.of("PENDING", "PENDING")));

        Viewer japan = Viewer.nation("JPN");
        boolean listed = inbox.page(japan, 0, 1000).items().stream()
                .anyMatch(entry -> entry.readout().id().equals(readout.id) && entry.status() == DeliveryStatus.DELIVERED);
        assertEquals(true, listed);
        given().get("/api/readouts/{id}/deliveries", id).then().statusCode(200)
                .body("items.find { it.nation == 'JPN' }.status", equalTo("DELIVERED"))
                .body("items.find { it.nation == 'JPN' }.deliveredAt", notNullValue())
                .body("items.find { it.nation == 'CHN' }.status", equalTo("PENDING"));

        DeliveryView first = deliveries.acknowledge(readout.id, japan);
        DeliveryView again = deliveries.acknowledge(readout.id, japan);
        assertEquals(first, again);
        given().get("/api/readouts/{id}/deliveries", id).then().statusCode(200)
                .body("items.find { it.nation == 'JPN' }.status", equalTo("ACKNOWLEDGED"))
                .body("items.find { it.nation == 'JPN' }.acknowledgedAt", notNullValue())
                .body("items.find { it.nation == 'CHN' }.acknowledgedAt", nullValue());

        // a later fetch does not move an acknowledged delivery back
        inbox.page(japan, 0, 1000);
        given().get("/api/readouts/{id}/deliveries", id).then()
                .body("items.find { it.nation == 'JPN' }.status", equalTo("ACKNOWLEDGED"));
    }
}
