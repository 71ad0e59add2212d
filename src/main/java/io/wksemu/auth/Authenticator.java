package io.wksemu.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The gateway's authentication of SEMANTICS.md section 4, free of HTTP framework types: given what a request
 * carries, answers null when it passes or the reason of the 401, worded as the real gateway words it.
 */
public final class Authenticator {

    public static final String TOKEN_HEADER = "X-Auth-Token";

    /** off, lenient (any token or well-formed AK/SK signature) or strict (configured ones, verified). */
    public enum Mode {
        OFF, LENIENT, STRICT
    }

    private final Mode mode;
    private final Credentials credentials;

    public Authenticator(Mode mode, Credentials credentials) {
        this.mode = mode;
        this.credentials = credentials;
    }

    /** What the server saw of a request. */
    public record Request(String method, String rawPath, String rawQuery, Function<String, String> header,
            byte[] body, String projectId) {
    }

    /** The reason of the refusal, or null when the request may pass. */
    public String refusal(Request request, Instant wallNow) {
        if (mode == Mode.OFF) {
            return null;
        }
        String token = request.header().apply(TOKEN_HEADER);
        String authorization = request.header().apply("Authorization");
        if (token != null && !token.isBlank()) {
            return mode == Mode.LENIENT ? null : checkToken(token.strip(), request.projectId());
        }
        if (authorization == null || authorization.isBlank()) {
            return "x-auth-token not found";
        }
        Optional<SdkSignature.Authorization> parsed = SdkSignature.parseAuthorization(authorization);
        if (parsed.isEmpty()) {
            return "authorization format error";
        }
        if (mode == Mode.LENIENT) {
            return null;
        }
        String ak = parsed.get().accessKey();
        Optional<Credentials.Entry> entry = credentials.accessKey(ak);
        if (entry.isEmpty()) {
            return "ak " + ak + " not exist";
        }
        String date = request.header().apply(SdkSignature.DATE_HEADER);
        if (date == null || SdkSignature.parseSdkDate(date.strip()).isEmpty()) {
            return "x-sdk-date format error";
        }
        if (!SdkSignature.isSdkDateFresh(date.strip(), wallNow)) {
            return "calc ak sk signature fail:signature expired";
        }
        if (!SdkSignature.verify(request.method(), request.rawPath(), request.rawQuery(), request.header(),
                request.body(), entry.get().secret())) {
            return "verify aksk signature fail";
        }
        if (!entry.get().allows(request.projectId())) {
            return "the project id in the URL does not match the credential's project";
        }
        return null;
    }

    private String checkToken(String token, String projectId) {
        Optional<Credentials.Entry> entry = credentials.token(token);
        if (entry.isEmpty()) {
            return "verify token fail";
        }
        if (!entry.get().allows(projectId)) {
            return "the project id in the URL does not match the token's project";
        }
        return null;
    }
}
