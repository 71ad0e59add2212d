package io.wksemu.gateway;

import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The one normalised path of a request (SEMANTICS.md section 7): dot segments resolved, repeated slashes
 * collapsed and escapes of unreserved characters decoded, exactly as routing sees it. Routing, the project
 * id, credential binding, faults, throttling and the journal all read this path, so no spelling of a path
 * can reach one project's data while being checked as another's. The project id is the whole second
 * segment, percent-decoded: a {@code ;} or an encoded {@code /} stays part of it (and makes it invalid),
 * never a parameter or a separator.
 */
public record GatewayPath(String normalized, String projectId) {

    private static final String KEY = "wksemu.gateway-path";
    private static final String API_PREFIX = "/v2/";

    /** Computes the path of the exchange once; {@link IllegalArgumentException} for a malformed escape. */
    static GatewayPath compute(RoutingContext rc) {
        String normalized = rc.normalizedPath();
        GatewayPath path = new GatewayPath(normalized, projectOf(normalized));
        rc.put(KEY, path);
        return path;
    }

    /** The path computed for this exchange, or computed now. */
    public static GatewayPath of(RoutingContext rc) {
        GatewayPath path = rc.get(KEY);
        return path != null ? path : compute(rc);
    }

    /** The decoded second segment of {@code /v2/{project_id}/...}, or null for another path. */
    static String projectOf(String normalizedPath) {
        if (!normalizedPath.startsWith(API_PREFIX)) {
            return null;
        }
        int end = normalizedPath.indexOf('/', API_PREFIX.length());
        return decode(normalizedPath.substring(API_PREFIX.length(), end < 0 ? normalizedPath.length() : end));
    }

    /**
     * Strict percent-decoding as UTF-8 ({@code +} is a plus sign in a path); a {@code %} not followed by two
     * hex digits is an {@link IllegalArgumentException}.
     */
    public static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("incomplete escape");
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("invalid escape");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
