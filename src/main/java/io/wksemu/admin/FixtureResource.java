package io.wksemu.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.wksemu.fixture.FixtureDocument;
import io.wksemu.fixture.FixtureService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /_emulator/fixtures}: load and export fixture documents (SEMANTICS.md sections 5 and 6). */
@Path("/_emulator/fixtures")
@Produces(MediaType.APPLICATION_JSON)
public class FixtureResource {

    private final FixtureService fixtures;

    public FixtureResource(FixtureService fixtures) {
        this.fixtures = fixtures;
    }

    /** The body is JSON whatever {@code Content-Type} says; {@code ?reset=true} first wipes the projects it names. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<FixtureService.LoadResult> load(FixtureDocument document, @RestQuery("reset") String reset) {
        return fixtures.load(document, AdminParams.flag(reset, "reset"));
    }

    /** One project with {@code ?project_id=}, otherwise every project. */
    @GET
    public Uni<ObjectNode> export(@RestQuery("project_id") String projectId) {
        return fixtures.export(AdminParams.optionalProjectId(projectId));
    }
}
