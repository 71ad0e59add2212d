package io.wksemu.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalInt;

/** Every setting of the emulator; the README's configuration table lists the same keys. */
@ConfigMapping(prefix = "emulator")
public interface EmulatorConfig {

    /** Zone whose midnights delimit statistics days and whose 02:00 triggers aggregation. */
    @WithDefault("UTC")
    ZoneId statisticsZone();

    /**
     * Folder whose {@code *.json} fixture documents are loaded at startup and on reseed; a relative path is
     * resolved against the application's home (the folder of {@code quarkus-run.jar}), not the working
     * directory. When set, it must exist; unset, {@code seed} in the home is used if it exists.
     */
    Optional<String> seedDir();

    /**
     * How long the start waits for a database that is not reachable yet (started alongside, as in Kubernetes
     * or CI service containers) before it gives up; zero gives up at the first refusal.
     */
    @WithDefault("60s")
    Duration databaseWait();

    /**
     * Whether the HTTP port opens while migrations and the seed folder are still loading (requests that arrive
     * meanwhile wait for them, and are refused with a 5xx error if the start fails); false opens it only once
     * they have finished.
     */
    @WithDefault("true")
    boolean listenEarly();

    /** What the start does with the seed folder (SEMANTICS.md section 6). */
    @WithDefault("reset")
    SeedMode seedMode();

    enum SeedMode {
        /** Replace each project named in the seed by the seed, one transaction per project. */
        RESET,
        /** Load only the seed projects not stored yet. */
        MISSING,
        /** Load nothing. */
        OFF
    }

    /** Daily aggregation. */
    Aggregation aggregation();

    interface Aggregation {
        /** When the daily job runs (Quartz cron, in the statistics zone); it aggregates what the clock says is due. */
        @WithDefault("0 0 2 * * ?")
        String cron();
    }

    /** Authentication of the emulated API (SEMANTICS.md section 4). */
    Auth auth();

    interface Auth {
        /** off, lenient (any token or well-formed AK/SK signature) or strict (configured ones, verified). */
        @WithDefault("lenient")
        AuthMode mode();

        /** AK:SK[:project_id] entries separated by commas. */
        Optional<String> credentials();

        /** token[:project_id] entries separated by commas. */
        Optional<String> tokens();

        /** A properties file with the keys credentials and tokens (values as above), e.g. a mounted Secret. */
        Optional<String> file();
    }

    enum AuthMode {
        OFF, LENIENT, STRICT
    }

    /** The admin API. */
    Admin admin();

    interface Admin {
        /** When set, every /_emulator route requires this value in X-Emulator-Admin-Token. */
        Optional<String> token();
    }

    /** Opt-in throttling of the emulated API. */
    Throttle throttle();

    interface Throttle {
        /** Requests per project and minute before 429 APIGW.0308; unset: no throttling. */
        OptionalInt perMinute();
    }

    /** The request journal. */
    Journal journal();

    interface Journal {
        /** Calls to the emulated API kept, newest first; older ones are dropped. */
        @WithDefault("1000")
        int size();
    }

    /** The in-process query index. */
    Index index();

    interface Index {
        /**
         * Heap the query indexes of all projects may take, by their own size estimate; the least recently
         * queried are dropped beyond it. An index larger than this on its own is used once, not kept.
         */
        @WithDefault("37748736")
        long maxBytes();
    }

    /** What a request may carry before the gateway refuses it (SEMANTICS.md section 7). */
    Limits limits();

    interface Limits {
        /** Length of the request target (path and query) in characters; beyond it 414 APIGW.0201. */
        @WithDefault("4096")
        int maxUriLength();

        /** Total size of the header names and values; beyond it 494 APIGW.0201. */
        @WithDefault("16384")
        int maxHeaderSize();

        /** Size of a request body in bytes; beyond it 413 APIGW.0201. */
        @WithDefault("10485760")
        long maxBodySize();

        /**
         * Desktops one project may hold: a query keeps an index of the project in memory, about 1.6 KiB per
         * desktop; a write beyond it is refused (400 EMU.0400).
         */
        @WithDefault("20000")
        int maxDesktopsPerProject();

        /** Distinct user names of one project's sessions and failed logins; a write beyond it is refused. */
        @WithDefault("20000")
        int maxUsersPerProject();
    }
}
