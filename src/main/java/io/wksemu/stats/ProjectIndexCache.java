package io.wksemu.stats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.wksemu.config.EmulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The in-memory indexes of recently queried projects, bounded by bytes ({@code emulator.index.max-bytes}, each
 * index weighed by {@link ProjectIndex#approximateBytes()}); the least recently used go first. An entry is
 * only ever replaced by one of a newer (or the same) version, so a slow rebuild never hides a newer state.
 */
@ApplicationScoped
public class ProjectIndexCache {

    private final Cache<String, ProjectIndex> byProject;

    public ProjectIndexCache(EmulatorConfig config) {
        this.byProject = Caffeine.newBuilder()
                .maximumWeight(config.index().maxBytes())
                .weigher((String project, ProjectIndex index) -> (int) Math.min(Integer.MAX_VALUE,
                        index.approximateBytes() + 2L * project.length()))
                .executor(Runnable::run) // evict on the writing thread: the bound holds when put returns
                .build();
    }

    public ProjectIndex get(String projectId) {
        return byProject.getIfPresent(projectId);
    }

    public void put(String projectId, ProjectIndex index) {
        byProject.asMap().compute(projectId,
                (id, current) -> current == null || current.version() <= index.version() ? index : current);
    }

    public void clear() {
        byProject.invalidateAll();
    }

    public int size() {
        byProject.cleanUp();
        return (int) byProject.estimatedSize();
    }

    /** Bytes the held indexes weigh. */
    public long bytes() {
        return byProject.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }
}
