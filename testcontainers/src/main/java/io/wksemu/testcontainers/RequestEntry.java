package io.wksemu.testcontainers;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A call to the emulated API as the journal keeps it: never a header, so no token or signature. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RequestEntry(String method, String path, String query, int status, String requestId,
        String projectId, Instant time) {

    /** The values of one query parameter, decoded, in order; empty when it is absent. */
    public List<String> queryParameter(String name) {
        List<String> values = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return values;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                values.add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return values;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text; // the journal keeps what was sent, malformed escapes included
        }
    }
}
