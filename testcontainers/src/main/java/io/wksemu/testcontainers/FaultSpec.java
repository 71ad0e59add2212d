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
        return new FaultSpec().with("status", status);
    }

    /** Waits this long before answering normally. */
    public static FaultSpec delay(Duration delay) {
        return new FaultSpec().withDelay(delay);
    }

    public FaultSpec withDelay(Duration delay) {
        return with("delay_ms", delay.toMillis());
    }

    public FaultSpec errorCode(String errorCode) {
        return with("error_code", errorCode);
    }

    public FaultSpec errorMsg(String errorMsg) {
        return with("error_msg", errorMsg);
    }

    /** How many matching answers it affects (default 1). */
    public FaultSpec count(int count) {
        return with("count", count);
    }

    /** Only answers for this project (default: any). */
    public FaultSpec project(String projectId) {
        return with("project_id", projectId);
    }

    private FaultSpec with(String key, Object value) {
        body.put(key, value);
        return this;
    }

    Map<String, Object> body() {
        return body;
    }
}
