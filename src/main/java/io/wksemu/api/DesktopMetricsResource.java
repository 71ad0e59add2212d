package io.wksemu.api;

import io.smallrye.mutiny.Uni;
import io.wksemu.stats.MetricsQuery;
import io.wksemu.stats.StatisticsService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;

/** {@code GET /v2/{project_id}/statistics/metrics/desktops}, the emulated Huawei endpoint. */
@Path("/v2/{project_id}/statistics/metrics/desktops")
public class DesktopMetricsResource {

    private final StatisticsService statistics;

    public DesktopMetricsResource(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<DesktopMetricsResponse> list(@RestPath("project_id") String projectId, UriInfo uri) {
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        MetricsQuery query = MetricsQueryParser.parse(projectId, params::getFirst);
        return statistics.query(projectId, query).map(DesktopMetricsResponse::of);
    }
}
