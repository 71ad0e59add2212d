package io.wksemu.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.smallrye.mutiny.Uni;
import io.wksemu.aggregation.SessionService;
import io.wksemu.error.JsonBodies;
import io.wksemu.fixture.TextRules;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
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
    private final JsonBodies bodies;

    public SessionResource(SessionService sessions, JsonBodies bodies) {
        this.sessions = sessions;
        this.bodies = bodies;
    }

    /**
     * Optional body of a login: who logs in (default {@value #DEFAULT_USER}, also for {@code {}}), by the
     * fixtures' rules for user names; {@code failed: true} records a failed attempt instead (SEMANTICS.md section 8).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Login(
            @Size(max = TextRules.MAX_NAME_LENGTH, message = TextRules.NAME_RULE)
            @Pattern(regexp = TextRules.NAME, message = TextRules.NAME_RULE) String userName,
            Boolean failed) {
    }

    /**
     * Optional body {@code {"user_name": "alice"}}, JSON whatever its content type, or none; with
     * {@code "failed": true} a failed attempt is recorded at the clock's now and no session opens.
     */
    @POST
    @Path("/login")
    @Consumes(MediaType.WILDCARD)
    @ResponseStatus(201)
    public Uni<?> login(@RestPath("project_id") String projectId,
            @RestPath("resource_id") String resourceId, byte[] body) {
        AdminParams.projectId(projectId);
        AdminParams.resourceId(resourceId);
        String user = DEFAULT_USER;
        boolean failed = false;
        if (body != null && !new String(body, StandardCharsets.UTF_8).isBlank()) {
            Login login = bodies.read(body, Login.class, "", "must be empty or {\"user_name\": \"...\", \"failed\": false}");
            bodies.check(login, "", "");
            user = login.userName() == null ? DEFAULT_USER : login.userName();
            failed = Boolean.TRUE.equals(login.failed());
        }
        return failed ? sessions.loginFailed(projectId, resourceId, user) : sessions.login(projectId, resourceId, user);
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.WILDCARD)
    public Uni<SessionService.SessionView> logout(@RestPath("project_id") String projectId,
            @RestPath("resource_id") String resourceId) {
        AdminParams.projectId(projectId);
        AdminParams.resourceId(resourceId);
        return sessions.logout(projectId, resourceId);
    }
}
