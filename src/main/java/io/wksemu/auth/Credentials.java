package io.wksemu.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The configured AK/SK pairs and tokens of strict mode, each optionally bound to one project:
 * {@code AK:SK[:project_id]} and {@code token[:project_id]}, entries separated by commas.
 */
public final class Credentials {

    /** A secret and the project it is bound to (null: any project). */
    public record Entry(String secret, String projectId) {
        public boolean allows(String project) {
            return projectId == null || projectId.equals(project);
        }
    }

    private final Map<String, Entry> secretKeysByAccessKey = new HashMap<>();
    private final Map<String, Entry> tokens = new HashMap<>();

    public static Credentials parse(Optional<String> credentials, Optional<String> tokens, Optional<Properties> file) {
        Credentials c = new Credentials();
        credentials.ifPresent(c::addCredentials);
        tokens.ifPresent(c::addTokens);
        file.ifPresent(p -> {
            c.addCredentials(p.getProperty("credentials", ""));
            c.addTokens(p.getProperty("tokens", ""));
        });
        return c;
    }

    private void addCredentials(String list) {
        for (String item : list.split(",")) {
            String entry = item.strip();
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split(":", -1);
            if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw new IllegalArgumentException("credential entries are AK:SK[:project_id], got one with "
                        + parts.length + " part(s)");
            }
            secretKeysByAccessKey.put(parts[0], new Entry(parts[1], parts.length == 3 && !parts[2].isEmpty() ? parts[2] : null));
        }
    }

    private void addTokens(String list) {
        for (String item : list.split(",")) {
            String entry = item.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            if (colon > 0) {
                tokens.put(entry.substring(0, colon), new Entry(null, entry.substring(colon + 1)));
            } else {
                tokens.put(entry, new Entry(null, null));
            }
        }
    }

    public Optional<Entry> accessKey(String ak) {
        return Optional.ofNullable(secretKeysByAccessKey.get(ak));
    }

    public Optional<Entry> token(String token) {
        return Optional.ofNullable(tokens.get(token));
    }
}
