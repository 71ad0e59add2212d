package io.wksemu.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.wksemu.aggregation.SessionService;
import io.wksemu.error.DomainException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;

/** Live session events: {@code POST /_emulator/projects/{p}/desktops/{id}/login} and {@code .../logout}. */
@Path("/_emulator/projects/{project_id}/desktops/{resource_id}")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private static final String DEFAULT_USER = "emulator-user";

    private final SessionService sessions;
    private final ObjectMapper mapper;

    public SessionResource(SessionService sessions, ObjectMapper mapper) {
        this.sessions = sessions;
        this.mapper = mapper;
    }

    /**
     * Optional body {@code {"user_name": "alice"}}, of any content type, or none; with {@code "failed": true}
     * a failed attempt is recorded instead and no session opens.
     */
    @POST
    @Path("/login")
    @Consumes(MediaType.WILDCARD)
    @ResponseStatus(201)
    public Uni<?> login(@RestPath("project_id") String projectId,
            @RestPath("resource_id") String resourceId, String text) {
        JsonNode body;
        try {
            body = text == null || text.isBlank() ? null : mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw DomainException.invalid("Body must be empty or {\"user_name\": \"...\", \"failed\": false}.");
        }
        String user = DEFAULT_USER;
        if (body != null && body.has("user_name")) {
            if (!body.get("user_name").isTextual() || body.get("user_name").asText().isBlank()) {
                throw DomainException.invalid("user_name must be a non-empty string.");
            }
            user = body.get("user_name").asText();
        }
        boolean failed = false;
        if (body != null && body.has("failed") && !body.get("failed").isNull()) {
            if (!body.get("failed").isBoolean()) {
                throw DomainException.invalid("failed must be true or false.");
            }
            failed = body.get("failed").asBoolean();
        }
        return failed ? sessions.loginFailed(projectId, resourceId, user) : sessions.login(projectId, resourceId, user);
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.WILDCARD)
    public Uni<SessionService.SessionView> logout(@RestPath("project_id") String projectId,
            @RestPath("resource_id") String resourceId) {
        return sessions.logout(projectId, resourceId);
    }
}
