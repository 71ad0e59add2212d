package io.wksemu.health;

import io.wksemu.error.ErrorCode;
import io.wksemu.error.Surface;
import io.wksemu.error.RequestIds;
import java.util.LinkedList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What holds for every operation of {@code /q/openapi} (registered with {@code mp.openapi.filter}): the
 * security schemes, the {@value RequestIds#HEADER} header of every response, the gateway front's refusals
 * that any route can meet, and the error catalogue of each surface (EMU.* under {@code /_emulator}, the
 * Huawei codes elsewhere). Route-specific answers (201, 404, 409, 503...) are annotations on the resources;
 * an error response without content gets the error body here.
 */
public class OpenApiDocument implements OASFilter {

    static final String TOKEN = "X-Auth-Token";
    static final String SIGNATURE = "SDK-HMAC-SHA256";
    static final String SDK_DATE = "X-Sdk-Date";
    /** The admin guard's header (io.wksemu.admin.AdminGuard.HEADER; health does not import admin). */
    static final String ADMIN_TOKEN = "X-Emulator-Admin-Token";
    private static final String ERROR_BODY = "#/components/schemas/ErrorBody";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSecurityScheme(TOKEN, apiKey(TOKEN, "IAM token authentication. With emulator.auth.mode lenient (the "
                + "default) any non-empty token is taken; with emulator.auth.mode strict only a configured one "
                + "(emulator.auth.tokens), for the project it is bound to; with emulator.auth.mode off nothing is checked."));
        components.addSecurityScheme(SIGNATURE, apiKey("Authorization",
                "AK/SK signature: SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=..., sent with " + SDK_DATE
                        + ". With emulator.auth.mode lenient (the default) any well-formed header is taken; with "
                        + "emulator.auth.mode strict it is verified as the official SDK signs, with a configured AK/SK "
                        + "(emulator.auth.credentials); with emulator.auth.mode off nothing is checked."));
        components.addSecurityScheme(SDK_DATE, apiKey(SDK_DATE,
                "Signing time of an AK/SK request, yyyyMMdd'T'HHmmss'Z' (basic ISO-8601, UTC)."));
        components.addSecurityScheme(ADMIN_TOKEN, apiKey(ADMIN_TOKEN,
                "Required on every /_emulator route when emulator.admin.token is set."));
        components.addHeader(RequestIds.HEADER, requestIdHeader());
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            boolean admin = Surface.ofPath(path.getKey()) == Surface.ADMIN;
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                document(op.getKey(), op.getValue(), admin);
            }
        }
        pruneSchemas(openAPI);
    }

    /** Drops the schemas no operation reaches any more (such as a framework type once read as a body). */
    private static void pruneSchemas(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Deque<Schema> pending = new LinkedList<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(p -> pending.add(p.getSchema()));
                }
                if (operation.getRequestBody() != null) {
                    add(pending, operation.getRequestBody().getContent());
                }
                operation.getResponses().getAPIResponses().values().forEach(r -> add(pending, r.getContent()));
            }
        }
        Set<String> reached = new HashSet<>();
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema == null) {
                continue;
            }
            if (schema.getRef() != null) {
                String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
                if (reached.add(name) && schemas.containsKey(name)) {
                    pending.add(schemas.get(name));
                }
            }
            if (schema.getProperties() != null) {
                pending.addAll(schema.getProperties().values());
            }
            pending.add(schema.getItems());
            pending.add(schema.getAdditionalPropertiesSchema());
            pending.add(schema.getNot());
            for (List<Schema> list : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (list != null) {
                    pending.addAll(list);
                }
            }
        }
        new ArrayList<>(schemas.keySet()).stream().filter(name -> !reached.contains(name))
                .forEach(openAPI.getComponents()::removeSchema);
    }

    private static void add(Deque<Schema> pending, Content content) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> pending.add(media.getSchema()));
        }
    }

    private static void document(PathItem.HttpMethod method, Operation operation, boolean admin) {
        if (method == PathItem.HttpMethod.GET) {
            operation.setRequestBody(null); // a resource reading the raw exchange is no request body
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        // The gateway front refuses these before any routing, on every path (APIGW.0201).
        error(responses, ErrorCode.REQUEST_ERROR, "APIGW.0201: a request target that cannot be parsed"
                + (admin ? "; EMU.0400: invalid parameter or body" : "; WKS.0001/WKS.0002: missing or invalid parameter"));
        error(responses, ErrorCode.ENTITY_TOO_LARGE, "APIGW.0201: body over emulator.limits.max-body-size");
        error(responses, ErrorCode.URI_TOO_LARGE, "APIGW.0201: request target over emulator.limits.max-uri-length");
        error(responses, ErrorCode.HEADERS_TOO_LARGE, "APIGW.0201: headers over emulator.limits.max-header-size");
        if (admin) {
            error(responses, ErrorCode.ADMIN_UNAUTHORIZED, "EMU.0401: missing or wrong " + ADMIN_TOKEN
                    + " (only when emulator.admin.token is set)");
            error(responses, ErrorCode.ADMIN_INTERNAL_ERROR, "EMU.0500: internal error");
            operation.setSecurity(List.of(requirement(ADMIN_TOKEN), OASFactory.createSecurityRequirement()));
        } else {
            error(responses, ErrorCode.AUTHENTICATION_FAILED, "APIGW.0301: authentication failed");
            error(responses, ErrorCode.API_NOT_FOUND, "APIGW.0101: unknown API or method");
            error(responses, ErrorCode.THROTTLED, "APIGW.0308: throttling threshold reached (opt-in)");
            error(responses, ErrorCode.INTERNAL_ERROR, "WKS.00000003: database unreachable; WKS.00000001: other internal error");
            range(responses, "4XX", "A fault injected with POST /_emulator/faults (status 400-499)");
            range(responses, "5XX", "A fault injected with POST /_emulator/faults (status 500-599)");
            operation.setSecurity(List.of(requirement(TOKEN), requirement(SIGNATURE).addScheme(SDK_DATE),
                    OASFactory.createSecurityRequirement()));
        }
        for (APIResponse response : responses.getAPIResponses().values()) {
            if (response.getRef() == null) {
                response.addHeader(RequestIds.HEADER, OASFactory.createHeader().ref(RequestIds.HEADER));
            }
        }
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            if (isError(response.getKey()) && (response.getValue().getContent() == null
                    || response.getValue().getContent().getMediaTypes().isEmpty())) {
                response.getValue().setContent(errorContent());
            }
        }
    }

    private static boolean isError(String code) {
        return code.startsWith("4") || code.startsWith("5");
    }

    private static void error(APIResponses responses, ErrorCode code, String description) {
        String status = String.valueOf(code.status());
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(errorContent()));
        }
    }

    private static void range(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(errorContent()));
        }
    }

    private static Content errorContent() {
        return OASFactory.createContent().addMediaType("application/json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERROR_BODY)));
    }

    private static Header requestIdHeader() {
        return OASFactory.createHeader().description("The exchange's request id: 32 lowercase hex digits.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("^[0-9a-f]{32}$"));
    }

    private static SecurityScheme apiKey(String name, String description) {
        return OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                .name(name).description(description);
    }

    private static SecurityRequirement requirement(String scheme) {
        return OASFactory.createSecurityRequirement().addScheme(scheme);
    }
}
