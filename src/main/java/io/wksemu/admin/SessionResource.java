package io.wksemu.admin;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import io.smallrye.mutiny.Uni;
import io.wksemu.session.SessionService;
import io.wksemu.binding.JsonBodies;
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
@APIResponse(responseCode = "503", description = "EMU.0503: the emulator's database is unavailable")
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
    @RequestBody(required = false, content = @Content(mediaType = "application/json", schema = @Schema(implementation = Login.class)))
    @APIResponse(responseCode = "201", description = "The session opened, or the failed attempt recorded",
            content = @Content(mediaType = "application/json", schema = @Schema(oneOf = {SessionService.SessionView.class,
                    SessionService.LoginFailureView.class})))
    @APIResponse(responseCode = "400", description = "EMU.0400: invalid project_id, resource_id or body")
    @APIResponse(responseCode = "404", description = "EMU.0404: no such desktop")
    @APIResponse(responseCode = "409", description = "EMU.0409: the desktop is in use, or already has a session starting at the clock's now")
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
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "EMU.0400: invalid project_id or resource_id")
    @APIResponse(responseCode = "404", description = "EMU.0404: no such desktop")
    @APIResponse(responseCode = "409", description = "EMU.0409: no session is open on the desktop, or the clock is before its login")
    @Consumes(MediaType.WILDCARD)
    public Uni<SessionService.SessionView> logout(@RestPath("project_id") String projectId,
            @RestPath("resource_id") String resourceId) {
        AdminParams.projectId(projectId);
        AdminParams.resourceId(resourceId);
        return sessions.logout(projectId, resourceId);
    }
}
