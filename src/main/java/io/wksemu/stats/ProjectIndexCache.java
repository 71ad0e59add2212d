package io.wksemu.stats;

import io.wksemu.config.EmulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The in-memory indexes of recently queried projects, one map per kind of index (desktops, users), each
 * evicting the least recently queried project beyond {@code emulator.index.max-projects}. An entry is only
 * ever replaced by one of a newer (or the same) version.
 */
@ApplicationScoped
public class ProjectIndexCache {

    private final int max;
    private final Map<Class<? extends CachedIndex>, Map<String, CachedIndex>> byKind = new LinkedHashMap<>();

    public ProjectIndexCache(EmulatorConfig config) {
        this.max = config.index().maxProjects();
    }

    private Map<String, CachedIndex> of(Class<? extends CachedIndex> kind) {
        return byKind.computeIfAbsent(kind, k -> new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CachedIndex> eldest) {
                return size() > max;
            }
        });
    }

    public synchronized <I extends CachedIndex> I get(Class<I> kind, String projectId) {
        return kind.cast(of(kind).get(projectId));
    }

    public synchronized void put(String projectId, CachedIndex index) {
        Map<String, CachedIndex> indexes = of(index.getClass());
        CachedIndex current = indexes.get(projectId);
        if (current == null || current.version() <= index.version()) {
            indexes.put(projectId, index);
        }
    }

    public synchronized void clear() {
        byKind.clear();
    }

    /** Projects with at least one index in memory. */
    public synchronized int size() {
        Set<String> projects = new HashSet<>();
        byKind.values().forEach(m -> projects.addAll(m.keySet()));
        return projects.size();
    }
}
