package io.wksemu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layout of docs/architecture.md, kept true: dependencies point down, from the HTTP front (web)
 * and the entry points
 * (admin, api, health) through the gateway and the services (stats, aggregation, session, fixture, inventory,
 * clock) to what everything shares (store, error, config, binding, startup, concurrent); auth is pure logic;
 * no package imports one that imports it back; every package is in a layer. Only the root package (the
 * start-up sequence) may reach across.
 */
class ArchitectureTest {

    private static final String ROOT = "io.wksemu";

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
        // the rules below would hold vacuously over an empty import
        assertTrue(classes.contain(StoreStartup.class) && classes.size() > 50, "main classes imported: " + classes.size());
    }

    private static final String[] ENTRY_POINTS = {"io.wksemu.admin..", "io.wksemu.api..", "io.wksemu.health.."};
    private static final String[] SERVICES = {"io.wksemu.stats..", "io.wksemu.aggregation..", "io.wksemu.session..",
            "io.wksemu.fixture..", "io.wksemu.inventory..", "io.wksemu.clock.."};
    private static final String[] SHARED = {"io.wksemu.store..", "io.wksemu.error..", "io.wksemu.config..",
            "io.wksemu.binding..", "io.wksemu.startup..", "io.wksemu.concurrent.."};

    static final ArchRule noCyclesBetweenPackages = slices().matching("io.wksemu.(*)..").should().beFreeOfCycles();

    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Root").definedBy(ROOT)
            .layer("Web").definedBy("io.wksemu.web..")
            .layer("Entry points").definedBy(ENTRY_POINTS)
            .layer("Gateway").definedBy("io.wksemu.gateway..")
            .layer("Services").definedBy(SERVICES)
            .layer("Auth").definedBy("io.wksemu.auth..")
            .layer("Shared").definedBy(SHARED)
            .whereLayer("Root").mayNotBeAccessedByAnyLayer()
            .whereLayer("Web").mayNotBeAccessedByAnyLayer()
            .whereLayer("Entry points").mayOnlyBeAccessedByLayers("Root", "Web")
            .whereLayer("Gateway").mayOnlyBeAccessedByLayers("Root", "Web", "Entry points")
            .whereLayer("Services").mayOnlyBeAccessedByLayers("Root", "Entry points")
            .whereLayer("Auth").mayOnlyBeAccessedByLayers("Gateway")
            .whereLayer("Shared").mayOnlyBeAccessedByLayers("Root", "Web", "Entry points", "Gateway", "Services");

    static final ArchRule nothingButTheRootImportsTheAdminApi = noClasses()
            .that().resideOutsideOfPackages(ROOT, "io.wksemu.web..", "io.wksemu.admin..")
            .should().dependOnClassesThat().resideInAPackage("io.wksemu.admin..");

    static final ArchRule nothingButTheRootImportsTheEmulatedApi = noClasses()
            .that().resideOutsideOfPackages(ROOT, "io.wksemu.api..")
            .should().dependOnClassesThat().resideInAPackage("io.wksemu.api..");

    static final ArchRule nothingImportsHealth = noClasses()
            .that().resideOutsideOfPackages(ROOT, "io.wksemu.health..")
            .should().dependOnClassesThat().resideInAPackage("io.wksemu.health..");

    /** Token and signature checks: plain Java, no framework and no other package of the emulator. */
    static final ArchRule authIsPure = classes().that().resideInAPackage("io.wksemu.auth..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.wksemu.auth..", "java..", "javax.crypto..");

    /** The configuration mapping names settings; it knows no behaviour. */
    static final ArchRule configDependsOnNoOtherPackage = classes().that().resideInAPackage("io.wksemu.config..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.wksemu.config..", "java..", "io.smallrye.config..");

    /** Error bodies are built in one place; other packages may name the type (e.g. in OpenAPI annotations). */
    static final ArchRule onlyTheErrorPackageBuildsErrorBodies = noClasses().that().resideOutsideOfPackage("io.wksemu.error..")
            .should().callConstructor(io.wksemu.error.ErrorBody.class.getName(), String.class.getName(), String.class.getName(),
                    String.class.getName());

    /**
     * Statements run on a connection of withConnection/withTransaction, never on the pool itself: the pool's
     * one-shot path reports an uncaught error whenever connecting fails (store.FailFastPoolCreator says why).
     */
    static final ArchRule noStatementRunsOnThePoolItself = noClasses()
            .should().callMethod(io.vertx.mutiny.sqlclient.Pool.class, "query", String.class)
            .orShould().callMethod(io.vertx.mutiny.sqlclient.Pool.class, "preparedQuery", String.class)
            .orShould().callMethod(io.vertx.sqlclient.Pool.class, "query", String.class)
            .orShould().callMethod(io.vertx.sqlclient.Pool.class, "preparedQuery", String.class);

    /** A package in no layer would escape every rule above. */
    @Test
    void everyPackageIsInALayer() {
        Set<String> layered = new TreeSet<>();
        for (String[] layer : List.of(ENTRY_POINTS, SERVICES, SHARED, new String[] {"io.wksemu.web..", "io.wksemu.gateway..", "io.wksemu.auth.."})) {
            for (String pattern : layer) {
                layered.add(pattern.substring(0, pattern.length() - 2));
            }
        }
        Set<String> unlayered = new TreeSet<>();
        classes.forEach(c -> {
            String pkg = c.getPackageName();
            if (!pkg.equals(ROOT) && layered.stream().noneMatch(l -> pkg.equals(l) || pkg.startsWith(l + "."))) {
                unlayered.add(pkg);
            }
        });
        assertEquals(Set.of(), unlayered);
    }

    @Test
    void noStatementRunsOnThePoolItself() {
        noStatementRunsOnThePoolItself.check(classes);
    }

    @Test
    void noCyclesBetweenPackages() {
        noCyclesBetweenPackages.check(classes);
    }

    @Test
    void layers() {
        layers.check(classes);
    }

    @Test
    void nothingButTheRootImportsTheAdminApi() {
        nothingButTheRootImportsTheAdminApi.check(classes);
    }

    @Test
    void nothingButTheRootImportsTheEmulatedApi() {
        nothingButTheRootImportsTheEmulatedApi.check(classes);
    }

    @Test
    void nothingImportsHealth() {
        nothingImportsHealth.check(classes);
    }

    @Test
    void authIsPure() {
        authIsPure.check(classes);
    }

    @Test
    void configDependsOnNoOtherPackage() {
        configDependsOnNoOtherPackage.check(classes);
    }

    @Test
    void onlyTheErrorPackageBuildsErrorBodies() {
        onlyTheErrorPackageBuildsErrorBodies.check(classes);
    }
}
