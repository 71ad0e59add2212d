package io.wksemu.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Server-side verification of the {@code SDK-HMAC-SHA256} request signature produced by the
 * official Huawei Cloud Java SDK (huaweicloud-sdk-core 3.1.143, {@code AKSKSigner}).
 *
 * <p>The signer runs on the client <em>before</em> the HTTP layer serialises the URL, and the two
 * use different encodings. A server therefore cannot hash what it received: it has to rebuild the
 * form the signer saw. The rules below were established by reading the SDK's byte code and by
 * driving the real client against a local server (see the tests):
 *
 * <ul>
 *   <li><b>Canonical URI.</b> The signer takes the <em>unencoded</em> path (path parameters are
 *       substituted raw), splits it on {@code /} the way {@link String#split(String)} does (so
 *       trailing empty segments vanish), RFC 3986-encodes every segment and appends {@code /}
 *       after each one. Hence the canonical URI always ends with exactly one {@code /}, whether
 *       or not the request path had one. A bare {@code /} stays {@code /}.
 *   <li><b>Canonical query.</b> Keys and values are RFC 3986-encoded (only {@code A-Z a-z 0-9 - _
 *       . ~} left alone, everything else as UTF-8 {@code %XX} with upper-case hex; a space is
 *       {@code %20}, never {@code +}). Parameters are sorted by encoded key ({@link
 *       String#compareTo}); several values of one key keep their sending order. A parameter
 *       without a value is written {@code key=}. No query means an empty line.
 *   <li><b>On the wire</b> OkHttp's {@code HttpUrl.Builder.addQueryParameter} encodes a different
 *       set: it leaves {@code *} bare and sends {@code ~} as {@code %7E} (the canonical form is the
 *       reverse), and it sends a value-less parameter as bare {@code key}. So the server
 *       percent-decodes each wire key/value and re-encodes it the canonical way.
 *   <li><b>Canonical headers.</b> {@code name:value\n} for each signed header, lower-cased names,
 *       sorted. The SDK signs every header it set itself except {@code Content-Type} and names
 *       containing {@code _}; in practice {@code host;user-agent;x-project-id;x-sdk-date}.
 *   <li><b>Payload hash.</b> The {@code X-Sdk-Content-Sha256} header value if present (the SDK sets
 *       {@code UNSIGNED-PAYLOAD} for non-JSON bodies), else hex SHA-256 of the body (of the empty
 *       string when there is none).
 * </ul>
 *
 * <p>Everything here is pure and stateless; only the JDK is used.
 */
public final class SdkSignature {

    /** Algorithm name that opens the {@code Authorization} header and the string to sign. */
    public static final String ALGORITHM = "SDK-HMAC-SHA256";
    public static final String DATE_HEADER = "X-Sdk-Date";
    public static final String CONTENT_SHA256_HEADER = "X-Sdk-Content-Sha256";
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    /** How far the client's {@code X-Sdk-Date} may be from the server clock, either way. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

    /** Hex SHA-256 of zero bytes: the payload hash of every GET the SDK sends. */
    static final String EMPTY_BODY_SHA256 =
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    // 'uuuu' rather than 'yyyy' because STRICT resolving of 'yyyy' would demand an era field.
    private static final DateTimeFormatter SDK_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT);

    private static final HexFormat HEX_UPPER = HexFormat.of().withUpperCase();
    private static final HexFormat HEX_LOWER = HexFormat.of();

    private SdkSignature() {
    }

    /**
     * The three fields of an {@code Authorization: SDK-HMAC-SHA256 ...} header.
     *
     * @param accessKey     the AK, used by the caller to look up the SK
     * @param signedHeaders header names exactly as listed (the SDK lists them lower-case, sorted)
     * @param signature     hex HMAC-SHA256, lower-case
     */
    public record Authorization(String accessKey, List<String> signedHeaders, String signature) {
        public Authorization {
            signedHeaders = List.copyOf(signedHeaders);
        }

        /** The {@code SignedHeaders} value as it takes part in the canonical request. */
        public String signedHeadersLine() {
            return String.join(";", signedHeaders);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Authorization header
    // ---------------------------------------------------------------------------------------

    /**
     * Parses {@code SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<h1;h2>, Signature=<hex>}.
     * Whitespace around the separators is tolerated; each field must appear exactly once.
     *
     * @return empty when the value is missing, uses another algorithm or is malformed
     */
    public static Optional<Authorization> parseAuthorization(String headerValue) {
        if (headerValue == null) {
            return Optional.empty();
        }
        String value = headerValue.strip();
        if (!value.startsWith(ALGORITHM) || value.length() == ALGORITHM.length()
                || !Character.isWhitespace(value.charAt(ALGORITHM.length()))) {
            return Optional.empty();
        }
        String access = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : value.substring(ALGORITHM.length()).split(",", -1)) {
            String field = part.strip();
            int eq = field.indexOf('=');
            if (eq <= 0) {
                return Optional.empty();
            }
            String name = field.substring(0, eq).strip();
            String fieldValue = field.substring(eq + 1).strip();
            if (fieldValue.isEmpty()) {
                return Optional.empty();
            }
            switch (name) {
                case "Access" -> {
                    if (access != null) {
                        return Optional.empty();
                    }
                    access = fieldValue;
                }
                case "SignedHeaders" -> {
                    if (signedHeaders != null) {
                        return Optional.empty();
                    }
                    signedHeaders = fieldValue;
                }
                case "Signature" -> {
                    if (signature != null) {
                        return Optional.empty();
                    }
                    signature = fieldValue;
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        if (access == null || signedHeaders == null || signature == null
                || !isHex(signature, 64)) {
            return Optional.empty();
        }
        List<String> names = List.of(signedHeaders.split(";", -1));
        if (names.stream().anyMatch(String::isEmpty)) {
            return Optional.empty();
        }
        return Optional.of(new Authorization(access, names, signature.toLowerCase(Locale.ROOT)));
    }

    // ---------------------------------------------------------------------------------------
    // Canonical request pieces, rebuilt from what the server received
    // ---------------------------------------------------------------------------------------

    /**
     * Canonical URI from the raw (still percent-encoded) request path.
     *
     * <p>The signer saw the path before any encoding, so each wire segment is percent-decoded
     * and then re-encoded canonically. Splitting mirrors {@link String#split(String)}, the way
     * the signer splits: trailing empty segments are dropped, so {@code /a/b} and {@code /a/b/}
     * both give {@code /a/b/}; inner empty segments ({@code //}) are kept.
     *
     * @return null when the path holds a malformed percent escape
     */
    public static String canonicalUri(String rawPath) {
        String path = rawPath == null ? "" : rawPath;
        if (path.equals("/")) {
            return "/";
        }
        StringBuilder out = new StringBuilder(path.length() + 8);
        for (String segment : path.split("/")) {
            byte[] decoded = percentDecode(segment);
            if (decoded == null) {
                return null;
            }
            out.append(canonicalEncode(decoded)).append('/');
        }
        return out.toString();
    }

    /**
     * Canonical query string from the raw query as received (without the leading {@code ?}).
     *
     * <p>Each {@code &}-separated pair is split at its first {@code =} (a pair without one is a
     * parameter without value, which is how OkHttp sends an empty value list), both halves are
     * percent-decoded and re-encoded canonically. {@code +} is kept as a literal plus: the SDK's
     * HTTP layer always sends a space as {@code %20} and a plus as {@code %2B}, so a bare
     * {@code +} can only have meant itself.
     *
     * @return "" for no query, null when a percent escape is malformed
     */
    public static String canonicalQueryString(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        Map<String, List<String>> byKey = new TreeMap<>();
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue; // "a=1&&b=2": nothing was sent there, nothing was signed there
            }
            int eq = pair.indexOf('=');
            byte[] key = percentDecode(eq < 0 ? pair : pair.substring(0, eq));
            byte[] value = percentDecode(eq < 0 ? "" : pair.substring(eq + 1));
            if (key == null || value == null) {
                return null;
            }
            byKey.computeIfAbsent(canonicalEncode(key), k -> new ArrayList<>())
                    .add(canonicalEncode(value));
        }
        StringBuilder out = new StringBuilder(rawQuery.length() + 16);
        for (Map.Entry<String, List<String>> entry : byKey.entrySet()) {
            for (String value : entry.getValue()) {
                if (out.length() > 0) {
                    out.append('&');
                }
                out.append(entry.getKey()).append('=').append(value);
            }
        }
        return out.toString();
    }

    /**
     * Canonical header block: {@code lower-case-name:value\n} per signed header, in the order
     * the client listed them (the SDK lists them sorted; any reordering changes the signed
     * string anyway). Values are trimmed because HTTP parsers strip surrounding whitespace and
     * OkHttp trims values before sending.
     *
     * @return null when a signed header is absent from the request
     */
    public static String canonicalHeaders(List<String> signedHeaders,
                                          Function<String, String> headerLookup) {
        StringBuilder out = new StringBuilder();
        for (String name : signedHeaders) {
            String value = headerLookup.apply(name);
            if (value == null) {
                return null;
            }
            out.append(name.toLowerCase(Locale.ROOT)).append(':').append(value.strip())
                    .append('\n');
        }
        return out.toString();
    }

    /**
     * The payload line of the canonical request. The SDK uses an {@code X-Sdk-Content-Sha256}
     * header verbatim when it set one; a server additionally insists that a declared hash (any
     * value but {@code UNSIGNED-PAYLOAD}) matches the body, or the signature would cover a
     * claim rather than the content.
     *
     * @return null when the declared hash contradicts the body
     */
    public static String payloadHash(Function<String, String> headerLookup, byte[] body) {
        String actual = body == null || body.length == 0 ? EMPTY_BODY_SHA256 : sha256Hex(body);
        String declared = headerLookup.apply(CONTENT_SHA256_HEADER);
        if (declared == null) {
            return actual;
        }
        declared = declared.strip();
        if (declared.equals(UNSIGNED_PAYLOAD) || declared.equalsIgnoreCase(actual)) {
            return declared;
        }
        return null;
    }

    /** The six canonical request lines joined by {@code \n} (the header block ends in its own). */
    public static String canonicalRequest(String method, String canonicalUri, String canonicalQuery,
                                          String canonicalHeaders, String signedHeadersLine,
                                          String payloadHash) {
        return String.join("\n", method, canonicalUri, canonicalQuery, canonicalHeaders,
                signedHeadersLine, payloadHash);
    }

    /**
     * Rebuilds the canonical request from what the server received.
     *
     * @return empty when the request cannot have been signed as claimed (malformed escape,
     *     signed header missing, declared body hash wrong)
     */
    public static Optional<String> canonicalRequest(String method, String rawPath, String rawQuery,
                                                    List<String> signedHeaders,
                                                    Function<String, String> headerLookup,
                                                    byte[] body) {
        String uri = canonicalUri(rawPath);
        String query = canonicalQueryString(rawQuery);
        String headers = canonicalHeaders(signedHeaders, headerLookup);
        String payload = payloadHash(headerLookup, body);
        if (method == null || uri == null || query == null || headers == null || payload == null) {
            return Optional.empty();
        }
        return Optional.of(canonicalRequest(method, uri, query, headers,
                String.join(";", signedHeaders), payload));
    }

    /** {@code SDK-HMAC-SHA256\n<X-Sdk-Date>\n<hex sha256 of canonical request>}. */
    public static String stringToSign(String sdkDate, String canonicalRequest) {
        return ALGORITHM + "\n" + sdkDate + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex HMAC-SHA256 of the string to sign, keyed by the UTF-8 bytes of the SK. */
    public static String signature(String stringToSign, String secretKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX_LOWER.formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is mandatory in every JDK", e);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Verification
    // ---------------------------------------------------------------------------------------

    /**
     * Checks the signature of a request exactly as the server received it.
     *
     * <p>Only the cryptographic match is checked here. The caller still has to map the AK to
     * {@code secretKey} (see {@link #parseAuthorization}) and should check freshness with
     * {@link #isSdkDateFresh}.
     *
     * @param method       request method as on the request line, e.g. {@code GET}
     * @param rawPath      path as on the request line, still percent-encoded
     * @param rawQuery     query as on the request line without {@code ?}, percent-encoded; may be
     *                     null
     * @param headerLookup case-insensitive header lookup, null for absent headers
     * @param body         request body bytes, may be null or empty
     * @param secretKey    the SK belonging to the request's AK
     */
    public static boolean verify(String method, String rawPath, String rawQuery,
                                 Function<String, String> headerLookup, byte[] body,
                                 String secretKey) {
        if (secretKey == null || secretKey.isEmpty()) {
            return false;
        }
        Optional<Authorization> auth = parseAuthorization(headerLookup.apply("Authorization"));
        String sdkDate = headerLookup.apply(DATE_HEADER);
        if (auth.isEmpty() || sdkDate == null) {
            return false;
        }
        Optional<String> canonical = canonicalRequest(method, rawPath, rawQuery,
                auth.get().signedHeaders(), headerLookup, body);
        if (canonical.isEmpty()) {
            return false;
        }
        String expected = signature(stringToSign(sdkDate.strip(), canonical.get()), secretKey);
        // Constant time, so the comparison does not leak how many leading characters matched.
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.get().signature().getBytes(StandardCharsets.US_ASCII));
    }

    // ---------------------------------------------------------------------------------------
    // X-Sdk-Date
    // ---------------------------------------------------------------------------------------

    /** Parses {@code yyyyMMdd'T'HHmmss'Z'} (UTC, strict: no lenient rollover of 25:61:61). */
    public static Optional<Instant> parseSdkDate(String sdkDate) {
        if (sdkDate == null || sdkDate.length() != 16) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(sdkDate, SDK_DATE).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** True when the date is well formed and at most {@link #MAX_CLOCK_SKEW} away from now. */
    public static boolean isSdkDateFresh(String sdkDate, Instant now) {
        return parseSdkDate(sdkDate)
                .map(t -> Duration.between(t, now).abs().compareTo(MAX_CLOCK_SKEW) <= 0)
                .orElse(false);
    }

    // ---------------------------------------------------------------------------------------
    // Encoding helpers
    // ---------------------------------------------------------------------------------------

    /**
     * RFC 3986 encoding of a string's UTF-8 bytes as the signer writes it into the canonical
     * request: unreserved characters stay, everything else becomes {@code %XX}.
     */
    public static String canonicalEncode(String text) {
        return canonicalEncode(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Works on bytes rather than characters so that decoding the wire form and re-encoding it is
     * exact even for byte sequences that are not valid UTF-8.
     */
    static String canonicalEncode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX_UPPER.toHexDigits(b));
            }
        }
        return out.toString();
    }

    /**
     * Percent-decoding to bytes. Characters other than escapes stand for their UTF-8 bytes
     * (tolerates servers that hand over already partly decoded text). {@code +} is not a space.
     *
     * @return null when a {@code %} is not followed by two hex digits
     */
    static byte[] percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return null;
                }
                int hi = hexValue(text.charAt(i + 1));
                int lo = hexValue(text.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write((hi << 4) | lo);
                i += 3;
            } else {
                // Copy the run of plain characters up to the next escape in one go.
                int next = text.indexOf('%', i);
                int end = next < 0 ? text.length() : next;
                out.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return out.toByteArray();
    }

    static String sha256Hex(byte[] data) {
        try {
            return HEX_LOWER.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }

    private static boolean isHex(String s, int length) {
        return s.length() == length && s.chars().allMatch(HexFormat::isHexDigit);
    }

    /** The digit's value, or -1; ASCII only ({@link HexFormat#isHexDigit}), unlike {@link Character#digit}. */
    private static int hexValue(char c) {
        return HexFormat.isHexDigit(c) ? HexFormat.fromHexDigit(c) : -1;
    }
}
