package io.wksemu.stats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.wksemu.config.EmulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Set;

/**
 * The in-memory indexes of recently queried projects, of every kind (desktops, users), together bounded by
 * bytes ({@code emulator.index.max-bytes}, each index weighed by {@link CachedIndex#approximateBytes()}); the
 * least recently used go first. An entry is only ever replaced by one of a newer (or the same) version, so a
 * slow rebuild never hides a newer state.
 */
@ApplicationScoped
public class IndexCache {

    private record Key(Class<? extends CachedIndex> kind, String projectId) {
    }

    private final Cache<Key, CachedIndex> byProject;

    public IndexCache(EmulatorConfig config) {
        this.byProject = Caffeine.newBuilder()
                .maximumWeight(config.index().maxBytes())
                .weigher((Key key, CachedIndex index) -> (int) Math.min(Integer.MAX_VALUE,
                        index.approximateBytes() + 2L * key.projectId().length()))
                .executor(Runnable::run) // evict on the writing thread: the bound holds when put returns
                .build();
    }

    public <I extends CachedIndex> I get(Class<I> kind, String projectId) {
        return kind.cast(byProject.getIfPresent(new Key(kind, projectId)));
    }

    public void put(String projectId, CachedIndex index) {
        byProject.asMap().compute(new Key(index.getClass(), projectId),
                (key, current) -> current == null || current.version() <= index.version() ? index : current);
    }

    public void clear() {
        byProject.invalidateAll();
    }

    /** Projects with at least one index held. */
    public int size() {
        byProject.cleanUp();
        Set<String> projects = new HashSet<>();
        byProject.asMap().keySet().forEach(k -> projects.add(k.projectId()));
        return projects.size();
    }

    /** Bytes the held indexes weigh. */
    public long bytes() {
        return byProject.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }
}
