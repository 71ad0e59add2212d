package io.wksemu.admin;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.mutiny.Uni;
import io.wksemu.error.DomainException;
import io.wksemu.inventory.StoredDesktop;
import io.wksemu.inventory.InventoryService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code GET /_emulator/projects} and, for one project, its desktops and its grid of daily use: what is
 * stored, without exporting whole documents (the dashboard reads these).
 */
@Path("/_emulator/projects")
@APIResponse(responseCode = "200", description = "OK")
@APIResponse(responseCode = "503", description = "EMU.0503: the emulator's database is unavailable")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectAdminResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final InventoryService inventory;

    public ProjectAdminResource(InventoryService inventory) {
        this.inventory = inventory;
    }

    public record ProjectView(String projectId, long desktops, long sessions, long openSessions, long points) {
    }

    public record ProjectList(List<ProjectView> projects) {
    }

    public record OpenSession(String userName, @Schema(format = "date-time") String loginAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DesktopView(String resourceId, String resourceName, String resourcePoolId,
            @Schema(format = "date-time") String createdAt,
            OpenSession open_session) {
    }

    public record DesktopList(String projectId, long count, List<DesktopView> desktops) {
    }

    public record UsageRow(String resourceId, String resourceName, @Schema(format = "date") String createdDay,
            @Schema(description = "Seconds of use per day from the grid's from to its to; null before created_day and after last_due_day") List<Integer> usageSeconds) {
    }

    public record UsageGrid(String projectId, @Schema(format = "date") String from, @Schema(format = "date") String to,
            @Schema(format = "date") String lastDueDay, long count, List<UsageRow> desktops) {
    }

    @GET
    public Uni<ProjectList> projects() {
        return inventory.projects().map(projects -> new ProjectList(projects.stream()
                .map(p -> new ProjectView(p.projectId(), p.desktops(), p.sessions(), p.openSessions(), p.points()))
                .toList()));
    }

    /** The project's desktops by resource name then id, with the open session of each one in use. */
    @GET
    @Path("/{project_id}/desktops")
    @APIResponse(responseCode = "400", description = "EMU.0400: invalid offset or limit")
    @APIResponse(responseCode = "404", description = "EMU.0404: no such project is stored")
    public Uni<DesktopList> desktops(@RestPath("project_id") String projectId, @RestQuery String offset,
            @RestQuery String limit) {
        return inventory.desktops(projectId, offset(offset), limit(limit)).map(page -> new DesktopList(projectId,
                page.count(), page.desktops().stream().map(ProjectAdminResource::desktop).toList()));
    }

    /**
     * Seconds of use per desktop and day from today-180 to today: null before a desktop's created day and
     * on days not yet due (after {@code last_due_day}).
     */
    @GET
    @Path("/{project_id}/usage")
    @APIResponse(responseCode = "400", description = "EMU.0400: invalid offset or limit")
    @APIResponse(responseCode = "404", description = "EMU.0404: no such project is stored")
    public Uni<UsageGrid> usage(@RestPath("project_id") String projectId, @RestQuery String offset,
            @RestQuery String limit) {
        return inventory.grid(projectId, offset(offset), limit(limit)).map(grid -> new UsageGrid(projectId,
                grid.from().toString(), grid.to().toString(), grid.lastDueDay().toString(), grid.count(),
                grid.desktops().stream().map(r -> new UsageRow(r.resourceId(), r.resourceName(),
                        r.createdDay().toString(), r.usageSeconds())).toList()));
    }

    private static DesktopView desktop(StoredDesktop d) {
        OpenSession open = d.openSince() == null ? null : new OpenSession(d.openUser(), d.openSince().toString());
        return new DesktopView(d.resourceId(), d.resourceName(), d.poolId(), d.createdAt().toString(), open);
    }

    private static int offset(String text) {
        return text == null ? 0 : integer("offset", text, 0, Integer.MAX_VALUE - 1);
    }

    private static int limit(String text) {
        return text == null ? DEFAULT_LIMIT : integer("limit", text, 1, MAX_LIMIT);
    }

    private static int integer(String name, String text, int min, int max) {
        if (!text.matches("[0-9]{1,10}") || Long.parseLong(text) < min || Long.parseLong(text) > max) {
            throw DomainException.invalid(name + " must be an integer from " + min + " to " + max + ".");
        }
        return Integer.parseInt(text);
    }
}
