package io.wksemu.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One named figure of an item, as both statistics endpoints answer it; values are doubles on the wire. */
@JsonPropertyOrder({"metric_name", "metric_value"})
public record Metric(String metricName, double metricValue) {
}
