package io.wksemu.api;

import io.wksemu.error.ApiException;
import io.wksemu.error.ErrorCode;
import io.wksemu.gateway.GatewayPath;
import java.util.HashMap;
import java.util.Map;

/**
 * The emulated endpoint's reading of a raw query string (SEMANTICS.md sections 2 and 7): {@code &} is the
 * only separator ({@code ;} is an ordinary character), names are case-sensitive, a repeated parameter keeps
 * its first value, {@code +} is a space and escapes are decoded as UTF-8. A malformed escape is the
 * gateway's 400 APIGW.0201, as the real gateway answers a request it cannot read.
 */
public final class QueryString {

    private final Map<String, String> first;

    private QueryString(Map<String, String> first) {
        this.first = first;
    }

    public static QueryString parse(String raw) {
        Map<String, String> first = new HashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                first.putIfAbsent(name, value);
            }
        }
        return new QueryString(first);
    }

    /** The parameter's first value, or null when it is absent. */
    public String first(String name) {
        return first.get(name);
    }

    private static String decode(String text) {
        try {
            return GatewayPath.decode(text.replace('+', ' '));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.REQUEST_ERROR);
        }
    }
}
