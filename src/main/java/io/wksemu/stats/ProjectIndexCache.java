package io.wksemu.stats;

import io.wksemu.config.EmulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The in-memory indexes of recently queried projects, least recently queried evicted first beyond
 * {@code emulator.index.max-projects}. An entry is only ever replaced by one of a newer version.
 */
@ApplicationScoped
public class ProjectIndexCache {

    private final Map<String, ProjectIndex> byProject;

    public ProjectIndexCache(EmulatorConfig config) {
        int max = config.index().maxProjects();
        this.byProject = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ProjectIndex> eldest) {
                return size() > max;
            }
        };
    }

    public synchronized ProjectIndex get(String projectId) {
        return byProject.get(projectId);
    }

    public synchronized void put(String projectId, ProjectIndex index) {
        ProjectIndex current = byProject.get(projectId);
        if (current == null || current.version() <= index.version()) {
            byProject.put(projectId, index);
        }
    }

    public synchronized void clear() {
        byProject.clear();
    }

    public synchronized int size() {
        return byProject.size();
    }
}
