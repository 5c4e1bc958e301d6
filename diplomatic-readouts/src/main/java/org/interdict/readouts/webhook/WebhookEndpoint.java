package org.interdict.readouts.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import org.interdict.commons.problem.ProblemException;

/** Which addresses may receive readouts: https only, and the local machine only where configured (dev, tests). */
final class WebhookEndpoint {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private WebhookEndpoint() {
    }

    static URI check(String url, boolean allowInsecureLocalhost) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw ProblemException.invalid("url", "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || uri.getUserInfo() != null || uri.getFragment() != null) {
            throw ProblemException.invalid("url", "must be an absolute https:// URL without credentials or fragment");
        }
        boolean local = LOCAL_HOSTS.contains(host);
        if (local ? allowInsecureLocalhost && (scheme.equals("http") || scheme.equals("https")) : scheme.equals("https")) {
            return uri;
        }
        throw ProblemException.invalid("url", local ? "may not point at this machine" : "must be an https:// URL");
    }
}
