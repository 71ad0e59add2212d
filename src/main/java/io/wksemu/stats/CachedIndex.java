package io.wksemu.stats;

/**
 * An immutable in-memory index of one project's figures, labelled with the committed state (the project's
 * version) it reflects, so that a query can tell with one read whether it is current.
 */
public interface CachedIndex {

    long version();

    /** Whether every day of the window is held (a window outside the held days needs a rebuild). */
    boolean covers(QueryWindow window);

    /** Approximate heap taken, for sizing the cache. */
    long approximateBytes();
}
