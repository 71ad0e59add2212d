package io.wksemu.gateway;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.wksemu.config.EmulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The last calls to the emulated API, newest first, bounded by {@code emulator.journal.size}. It records
 * what a consumer's test wants to assert (method, path, query, status, request id, time), never a header,
 * so no token or signature can leak through it. Per replica, like WireMock's request log.
 */
@ApplicationScoped
public class RequestJournal {

    public record Entry(String method, String path, String query, int status,
            String requestId, String projectId,
            @Schema(format = "date-time") String time) {
    }

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();

    public RequestJournal(EmulatorConfig config) {
        this.capacity = Math.max(0, config.journal().size());
    }

    public synchronized void record(Entry entry) {
        if (capacity == 0) {
            return;
        }
        if (entries.size() == capacity) {
            entries.removeLast();
        }
        entries.addFirst(entry);
    }

    /** Newest first; only the given project's calls when {@code projectId} is not null. */
    public synchronized List<Entry> list(String projectId) {
        List<Entry> result = new ArrayList<>();
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (projectId == null || projectId.equals(e.projectId())) {
                result.add(e);
            }
        }
        return result;
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
