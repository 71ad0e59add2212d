package io.wksemu.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** Every setting of the emulator; the README's configuration table lists the same keys. */
@ConfigMapping(prefix = "emulator")
public interface EmulatorConfig {

    /** Zone whose midnights delimit statistics days and whose 02:00 triggers aggregation. */
    @WithDefault("UTC")
    ZoneId statisticsZone();

    /** Folder whose {@code *.json} fixture documents are loaded at startup and on reseed. */
    @WithDefault("seed")
    String seedDir();

    /** Daily aggregation. */
    Aggregation aggregation();

    interface Aggregation {
        /** When the daily job runs (Quartz cron, in the statistics zone); it aggregates what the clock says is due. */
        @WithDefault("0 0 2 * * ?")
        String cron();
    }

    /** The in-process query index. */
    Index index();

    interface Index {
        /** Projects whose index is kept in memory; the least recently queried beyond this are dropped. */
        @WithDefault("64")
        int maxProjects();
    }
}
