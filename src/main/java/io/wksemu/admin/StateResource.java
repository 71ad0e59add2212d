package io.wksemu.admin;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.smallrye.mutiny.Uni;
import io.wksemu.fixture.FixtureService;
import io.wksemu.fixture.SeedService;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code DELETE /_emulator/state}: wipe everything or one project, optionally reloading the seed folder in the
 * same transaction: with {@code project_id}, only that project of the seed (nothing when the seed does not name
 * it). An invalid seed folder is refused with nothing wiped.
 */
@Path("/_emulator/state")
@APIResponse(responseCode = "200", description = "OK")
@APIResponse(responseCode = "503", description = "EMU.0503: the emulator's database is unavailable")
@Produces(MediaType.APPLICATION_JSON)
public class StateResource {

    private final FixtureService fixtures;
    private final SeedService seed;

    public StateResource(FixtureService fixtures, SeedService seed) {
        this.fixtures = fixtures;
        this.seed = seed;
    }

    @DELETE
    @APIResponse(responseCode = "400", description = "EMU.0400: invalid project_id or reseed flag, or an invalid seed folder")
    public Uni<Map<String, Object>> wipe(@RestQuery("project_id") String project, @RestQuery("reseed") String reseedFlag) {
        String projectId = AdminParams.optionalProjectId(project);
        boolean reseed = AdminParams.flag(reseedFlag, "reseed");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("wiped", projectId == null ? "all" : projectId);
        if (!reseed) {
            return fixtures.wipe(projectId).replaceWith(answer);
        }
        return seed.reseed(projectId).map(loaded -> {
            answer.put("reseeded", loaded);
            return answer;
        });
    }
}
