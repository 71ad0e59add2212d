package io.wksemu.api;

import io.smallrye.mutiny.Uni;
import io.wksemu.error.ErrorBody;
import io.wksemu.error.ErrorCode;
import io.vertx.ext.web.RoutingContext;
import io.wksemu.gateway.BehindGateway;
import io.wksemu.gateway.GatewayPath;
import io.wksemu.stats.StatisticsService;
import io.wksemu.stats.UserMetricsQuery;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;

/**
 * {@code GET /v2/{project_id}/statistics/metrics/users} (ListUserUsageMetric), the desktop endpoint's
 * sibling over the same sessions. The OpenAPI annotations restate the rules of
 * {@link UserMetricsQueryParser} (SEMANTICS.md section 8) and the error catalogue of {@link ErrorCode}; the
 * parser, not the annotations, enforces them.
 */
@Path("/v2/{project_id}/statistics/metrics/users")
@BehindGateway
public class UserMetricsResource {

    private final StatisticsService statistics;

    public UserMetricsResource(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "ListUserUsageMetric", summary = "Querying User Usage Statistics",
            description = "Per user: seconds of use (added over desktops used at the same time) and login attempts "
                    + "inside [start_time, end_time], from the daily figures aggregated at 02:00; data within a "
                    + "maximum of 30 days can be queried.")
    @Parameters({
            @Parameter(name = "project_id", in = ParameterIn.PATH, required = true, description = "Project ID",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 64, pattern = "^[A-Za-z0-9_-]{1,64}$")),
            @Parameter(name = "start_time", in = ParameterIn.QUERY, required = true,
                    description = "Start of the range, ISO-8601 instant", example = "2026-11-01T00:00:00Z",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 32)),
            @Parameter(name = "end_time", in = ParameterIn.QUERY, required = true,
                    description = "End of the range, ISO-8601 instant, not before start_time", example = "2026-11-26T00:00:00Z",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 32)),
            @Parameter(name = "username", in = ParameterIn.QUERY,
                    description = "Case-insensitive substring of the user name; empty means no filter",
                    schema = @Schema(type = SchemaType.STRING, minLength = 0, maxLength = 64)),
            @Parameter(name = "usage_min_hours", in = ParameterIn.QUERY, description = "Minimum hours of use (inclusive)",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "2147483646")),
            @Parameter(name = "usage_max_hours", in = ParameterIn.QUERY,
                    description = "Maximum hours of use (inclusive), at least usage_min_hours",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "2147483646")),
            @Parameter(name = "sort_field", in = ParameterIn.QUERY, description = "Sort key",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"user_usage"})),
            @Parameter(name = "sort_type", in = ParameterIn.QUERY, description = "Sort order; needs sort_field",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"ASC", "DESC"}, defaultValue = "DESC")),
            @Parameter(name = "offset", in = ParameterIn.QUERY, description = "Items to skip",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "2147483646", defaultValue = "0")),
            @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Items per page",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "10"))
    })
    // 401, 404, 429, the gateway's APIGW.0201 refusals and injected faults: health.OpenApiDocument, for every
    // emulated endpoint alike.
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The page of users and the total count",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = UserMetricsResponse.class),
                            examples = @ExampleObject(name = "one user", value = "{\"count\":1,\"items\":[{\"username\":\"alice\","
                                    + "\"metric\":[{\"metric_name\":\"user_usage\",\"metric_value\":7200.0},"
                                    + "{\"metric_name\":\"user_login_count\",\"metric_value\":3.0},"
                                    + "{\"metric_name\":\"user_login_success_count\",\"metric_value\":2.0},"
                                    + "{\"metric_name\":\"user_login_fail_count\",\"metric_value\":1.0}]}]}"))),
            @APIResponse(responseCode = "400", description = "WKS.0001: a required parameter is missing; WKS.0002: a parameter is invalid",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class),
                            examples = @ExampleObject(name = "missing", value = "{\"error_code\":\"WKS.0001\",\"error_msg\":"
                                    + "\"The request message input by the interface is empty. Parameter start_time is required.\"}"))),
            @APIResponse(responseCode = "500", description = "WKS.00000003: database unreachable; WKS.00000001: other internal error",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class),
                            examples = @ExampleObject(name = "database", value = "{\"error_code\":\"WKS.00000003\",\"error_msg\":"
                                    + "\"Failed to obtain database information. Click Cancel Service and Apply Now again.\"}")))
    })
    public Uni<UserMetricsResponse> list(RoutingContext rc) {
        // The project id and the query are read as the gateway read them, like the desktop endpoint does.
        String projectId = GatewayPath.of(rc).projectId();
        UserMetricsQuery query = UserMetricsQueryParser.parse(projectId, QueryString.parse(rc.request().query())::first);
        return statistics.queryUsers(projectId, query).map(UserMetricsResponse::of);
    }
}
