package io.wksemu.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults injected into the next responses of the emulated API (a status with an error body, a delay, or
 * both), optionally only for one project; each fault serves {@code remaining} responses, oldest fault first.
 * Per replica: behind a load balancer, inject into every replica or pin the test to one.
 */
@ApplicationScoped
public class FaultInjector {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fault(long id, Integer status, String errorCode,
            String errorMsg, long delayMs, int remaining,
            String projectId) {

        Fault served() {
            return new Fault(id, status, errorCode, errorMsg, delayMs, remaining - 1, projectId);
        }
    }

    private final AtomicLong ids = new AtomicLong();
    private final List<Fault> faults = new ArrayList<>();

    public synchronized Fault add(Integer status, String errorCode, String errorMsg, long delayMs, int count, String projectId) {
        Fault fault = new Fault(ids.incrementAndGet(), status, errorCode, errorMsg, delayMs, count, projectId);
        faults.add(fault);
        return fault;
    }

    /** Takes one use of the oldest fault matching the project, or null when none applies. */
    public synchronized Fault next(String projectId) {
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            if (f.projectId() == null || f.projectId().equals(projectId)) {
                if (f.remaining() <= 1) {
                    faults.remove(i);
                } else {
                    faults.set(i, f.served());
                }
                return f;
            }
        }
        return null;
    }

    public synchronized List<Fault> list() {
        return List.copyOf(faults);
    }

    public synchronized void clear() {
        faults.clear();
    }
}
