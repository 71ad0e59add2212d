package io.wksemu.admin;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.mutiny.Uni;
import io.wksemu.inventory.StoredDesktop;
import io.wksemu.inventory.InventoryService;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
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

    /** A page's first row: digits only, no sign, no more than fit in an {@code int} (400 EMU.0400 otherwise). */
    @Pattern(regexp = "[0-9]{1,10}")
    @Max(Integer.MAX_VALUE - 1)
    @ReportAsSingleViolation
    @Constraint(validatedBy = {})
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Offset {
        String message() default "offset must be an integer from 0 to 2147483646.";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A page's size: digits only, from 1 to 1000 (400 EMU.0400 otherwise). */
    @Pattern(regexp = "[0-9]{1,10}")
    @Min(1)
    @Max(1000)
    @ReportAsSingleViolation
    @Constraint(validatedBy = {})
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Limit {
        String message() default "limit must be an integer from 1 to 1000.";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

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
            OpenSession openSession) {
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
    public Uni<DesktopList> desktops(@RestPath("project_id") String projectId,
            @RestQuery @Offset String offset, @RestQuery @Limit String limit) {
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
    public Uni<UsageGrid> usage(@RestPath("project_id") String projectId,
            @RestQuery @Offset String offset, @RestQuery @Limit String limit) {
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
        return text == null ? 0 : Integer.parseInt(text);
    }

    private static int limit(String text) {
        return text == null ? DEFAULT_LIMIT : Integer.parseInt(text);
    }
}
