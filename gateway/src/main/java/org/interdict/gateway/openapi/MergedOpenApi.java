package org.interdict.gateway.openapi;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interdict.gateway.proxy.GatewayConfig;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /q/openapi}: the gateway's own document merged with each service's, fetched on demand (the last good copy
 * of a service that does not answer is kept), with the realm's OpenID Connect scheme applied to every operation.
 * Only {@code /api} paths of the services are public; a schema name two services define differently is prefixed with
 * the service's name.
 */
@ApplicationScoped
public class MergedOpenApi {

    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);
    private static final String SCHEMA_REF = "#/components/schemas/";

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    private final Map<String, JsonNode> lastGood = new ConcurrentHashMap<>();
    private HttpClient client;

    void install(@Observes Router router, Vertx vertx) {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis()));
        // Before SmallRye's own handler of the same path, which serves the gateway's part alone.
        router.get("/q/openapi").order(-160).handler(this::serve);
    }

    private void serve(RoutingContext context) {
        List<String> names = new ArrayList<>(config.services().keySet());
        List<Future<JsonNode>> fetches = names.stream()
                .map(name -> fetch(name, config.services().get(name)))
                .toList();
        Future.join(fetches).onComplete(ignored -> {
            try {
                ObjectNode merged = own();
                for (int i = 0; i < names.size(); i++) {
                    JsonNode document = fetches.get(i).succeeded() ? fetches.get(i).result() : lastGood.get(names.get(i));
                    if (document != null) {
                        mergeInto(merged, names.get(i), document.deepCopy());
                    }
                }
                secure(merged);
                context.response().putHeader("Content-Type", "application/json")
                        .end(Buffer.buffer(json.writeValueAsBytes(merged)));
            } catch (IOException | RuntimeException e) {
                LOG.errorf("Could not merge the OpenAPI documents: %s", e.getMessage());
                context.fail(500);
            }
        });
    }

    private Future<JsonNode> fetch(String service, URI base) {
        return client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(base.getHost())
                        .setPort(base.getPort()).setURI("/q/openapi?format=json")
                        .setIdleTimeout(config.connectTimeout().toMillis() * 2))
                .compose(request -> request.putHeader("Accept", "application/json").send())
                .compose(HttpClientResponse::body)
                .map(body -> {
                    try {
                        JsonNode document = json.readTree(body.getBytes());
                        lastGood.put(service, document);
                        return document;
                    } catch (IOException e) {
                        throw new IllegalStateException("not JSON", e);
                    }
                })
                .onFailure(failure -> LOG.debugf("No OpenAPI document from %s: %s", service, failure.getMessage()));
    }

    private ObjectNode own() throws IOException {
        byte[] document = Arc.container().instance(OpenApiDocumentService.class).get()
                .getDocument("<default>", Format.JSON);
        return (ObjectNode) json.readTree(document);
    }

    private void mergeInto(ObjectNode merged, String service, JsonNode document) {
        ObjectNode schemas = merged.withObject("/components").withObject("/schemas");
        JsonNode theirs = document.path("components").path("schemas");
        for (Iterator<String> it = theirs.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (schemas.has(name) && !schemas.get(name).equals(theirs.get(name))) {
                renameSchema(document, name, service + "_" + name);
            }
        }
        document.path("components").fields().forEachRemaining(kind -> {
            if (!kind.getKey().equals("securitySchemes")) {
                ObjectNode target = merged.withObject("/components").withObject("/" + kind.getKey());
                kind.getValue().fields().forEachRemaining(entry -> target.set(entry.getKey(), entry.getValue()));
            }
        });
        ObjectNode paths = merged.withObject("/paths");
        document.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/")) {
                paths.set(path.getKey(), path.getValue());
            }
        });
        document.path("tags").forEach(tag -> {
            boolean known = false;
            for (JsonNode existing : merged.withArray("/tags")) {
                known |= existing.path("name").equals(tag.path("name"));
            }
            if (!known) {
                merged.withArray("/tags").add(tag);
            }
        });
    }

    private static void renameSchema(JsonNode document, String from, String to) {
        ObjectNode schemas = (ObjectNode) document.path("components").path("schemas");
        schemas.set(to, schemas.remove(from));
        rewriteRefs(document, SCHEMA_REF + from, SCHEMA_REF + to);
    }

    private static void rewriteRefs(JsonNode node, String from, String to) {
        if (node instanceof ObjectNode object) {
            if (object.path("$ref").asText("").equals(from)) {
                object.set("$ref", TextNode.valueOf(to));
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, from, to));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> rewriteRefs(child, from, to));
        }
    }

    /** The realm's OpenID Connect discovery (for Swagger UI's login) and a plain bearer token, on every operation. */
    private void secure(ObjectNode merged) {
        ObjectNode schemes = merged.withObject("/components").withObject("/securitySchemes");
        schemes.putObject("oidc").put("type", "openIdConnect")
                .put("openIdConnectUrl", realmUrl.replaceAll("/$", "") + "/.well-known/openid-configuration");
        schemes.putObject("bearer").put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT");
        merged.putArray("security").add(json.createObjectNode().set("oidc", json.createArrayNode()))
                .add(json.createObjectNode().set("bearer", json.createArrayNode()));
    }
}
