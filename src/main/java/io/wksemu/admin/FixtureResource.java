package io.wksemu.admin;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.smallrye.mutiny.Uni;
import io.wksemu.fixture.FixtureDocument;
import io.wksemu.fixture.FixtureExport;
import io.wksemu.fixture.FixtureService;
import io.wksemu.fixture.LoadResult;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /_emulator/fixtures}: load and export fixture documents (SEMANTICS.md sections 5 and 6). */
@Path("/_emulator/fixtures")
@APIResponse(responseCode = "200", description = "OK")
@APIResponse(responseCode = "503", description = "EMU.0503: the emulator's database is unavailable")
@Produces(MediaType.APPLICATION_JSON)
public class FixtureResource {

    private final FixtureService fixtures;
    private final FixtureExport export;

    public FixtureResource(FixtureService fixtures, FixtureExport export) {
        this.fixtures = fixtures;
        this.export = export;
    }

    /** The body is JSON whatever {@code Content-Type} says; {@code ?reset=true} first wipes the projects it names. */
    @POST
    @APIResponse(responseCode = "400", description = "EMU.0400: invalid fixture document (entry path and rule in error_msg) or reset flag")
    @Consumes(MediaType.WILDCARD)
    public Uni<LoadResult> load(FixtureDocument document, @RestQuery("reset") String reset) {
        return fixtures.load(document, AdminParams.flag(reset, "reset"));
    }

    /** One project with {@code ?project_id=}, otherwise every project. */
    @GET
    @APIResponse(responseCode = "200", description = "The fixture document of the project(s)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FixtureDocument.class)))
    @APIResponse(responseCode = "400", description = "EMU.0400: invalid project_id")
    @APIResponse(responseCode = "404", description = "EMU.0404: the project has no desktops")
    public Uni<FixtureDocument> export(@RestQuery("project_id") String projectId) {
        return export.export(AdminParams.optionalProjectId(projectId));
    }
}
