package io.wksemu.testcontainers;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fault to inject: the next {@code count} matching answers of the emulated API fail with a status and error
 * body, or wait, or both. {@code FaultSpec.status(503).errorCode("WKS.00000001").count(2)},
 * {@code FaultSpec.delay(Duration.ofSeconds(3))}.
 */
public final class FaultSpec {

    private final Map<String, Object> body = new LinkedHashMap<>();

    private FaultSpec() {
    }

    /** Answers with this status (400 to 599) and, unless set, the emulator's default body for it. */
    public static FaultSpec status(int status) {
        FaultSpec spec = new FaultSpec();
        spec.body.put("status", status);
        return spec;
    }

    /** Waits this long before answering normally. */
    public static FaultSpec delay(Duration delay) {
        return new FaultSpec().withDelay(delay);
    }

    public FaultSpec withDelay(Duration delay) {
        body.put("delay_ms", delay.toMillis());
        return this;
    }

    public FaultSpec errorCode(String errorCode) {
        body.put("error_code", errorCode);
        return this;
    }

    public FaultSpec errorMsg(String errorMsg) {
        body.put("error_msg", errorMsg);
        return this;
    }

    /** How many matching answers it affects (default 1). */
    public FaultSpec count(int count) {
        body.put("count", count);
        return this;
    }

    /** Only answers for this project (default: any). */
    public FaultSpec project(String projectId) {
        body.put("project_id", projectId);
        return this;
    }

    Map<String, Object> body() {
        return body;
    }
}
