package org.interdict.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * Headers on every answer, the services' included: no MIME sniffing, HSTS when the gateway terminates TLS, and no
 * server banner.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String HSTS = "max-age=31536000; includeSubDomains";

    void install(@Observes Router router) {
        router.route().order(FrontDoor.ORDER - 10).handler(context -> {
            boolean tls = context.request().isSSL();
            context.addHeadersEndHandler(ignored -> {
                context.response().headers()
                        .set("X-Content-Type-Options", "nosniff")
                        .remove("Server")
                        .remove("X-Powered-By");
                if (tls) {
                    context.response().putHeader("Strict-Transport-Security", HSTS);
                }
            });
            context.next();
        });
    }
}
