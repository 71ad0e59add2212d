package io.wksemu.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests under k8s/ agree with the application they deploy: ports, health paths,
 * environment variables, the seed mount. Everything expected is derived from application.properties and
 * {@link EmulatorConfig}, so renaming a setting or a port breaks this test, not a deployment.
 */
class K8sManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final Path BASE = K8S.resolve("base");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");

    /** The Secret holding the admin token: created by the operator, never part of the manifests. */
    private static final String ADMIN_SECRET = "wksemu-admin";
    private static final String IMAGE = "ghcr.io/wksemu/wksemu";

    private static Properties app;
    /** Every manifest document under k8s/, by file. */
    private static Map<Path, List<JsonNode>> manifests;

    @BeforeAll
    static void load() throws IOException {
        app = new Properties();
        try (InputStream in = K8sManifestsTest.class.getResourceAsStream("/application.properties")) {
            assertNotNull(in, "application.properties on the classpath");
            app.load(in);
        }
        manifests = new HashMap<>();
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).toList()) {
                List<JsonNode> docs = new ArrayList<>();
                ObjectReader reader = YAML.readerFor(JsonNode.class);
                try (var it = reader.<JsonNode>readValues(file.toFile())) {
                    while (it.hasNext()) {
                        JsonNode doc = it.next();
                        if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                            docs.add(doc);
                        }
                    }
                }
                manifests.put(file, docs);
            }
        }
    }

    @Test
    void everyManifestParsesAndNamesItsKind() {
        assertFalse(manifests.isEmpty());
        manifests.forEach((file, docs) -> {
            assertFalse(docs.isEmpty(), file + " is empty");
            for (JsonNode doc : docs) {
                assertTrue(doc.hasNonNull("kind") && doc.hasNonNull("apiVersion"), file + ": kind and apiVersion");
                if (!doc.path("kind").asText().equals("Kustomization")) {
                    assertTrue(doc.path("metadata").hasNonNull("name"), file + ": metadata.name");
                }
            }
        });
    }

    @Test
    void theBaseListsEveryManifestBesideIt() throws IOException {
        JsonNode kustomization = one(BASE.resolve("kustomization.yaml"));
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.list(BASE)) {
            files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
                    .forEach(present::add);
        }
        assertEquals(present, listed);
    }

    @Test
    void containerPortIsTheHttpPortAndTheServiceTargetsIt() {
        JsonNode container = emulatorContainer();
        int httpPort = Integer.parseInt(app.getProperty("quarkus.http.port"));
        JsonNode port = container.path("ports").get(0);
        assertEquals(httpPort, port.path("containerPort").asInt());

        JsonNode service = resource(BASE, "Service", "wksemu");
        JsonNode servicePort = service.path("spec").path("ports").get(0);
        JsonNode target = servicePort.path("targetPort");
        if (target.isInt()) {
            assertEquals(httpPort, target.asInt());
        } else {
            assertEquals(port.path("name").asText(), target.asText(), "targetPort names the container port");
        }
        assertEquals(httpPort, servicePort.path("port").asInt());
        JsonNode podLabels = resource(BASE, "Deployment", "wksemu").path("spec").path("template").path("metadata").path("labels");
        service.path("spec").path("selector").fields().forEachRemaining(e ->
                assertEquals(e.getValue().asText(), podLabels.path(e.getKey()).asText(), "selector " + e.getKey()));
    }

    @Test
    void probesUseTheHealthPathsTheAppServes() {
        String root = "/" + strip(app.getProperty("quarkus.http.non-application-root-path", "q"));
        String health = root + "/" + strip(app.getProperty("quarkus.smallrye-health.root-path", "health"));
        String live = health + "/" + strip(app.getProperty("quarkus.smallrye-health.liveness-path", "live"));
        String ready = health + "/" + strip(app.getProperty("quarkus.smallrye-health.readiness-path", "ready"));
        JsonNode container = emulatorContainer();
        assertEquals(live, container.path("livenessProbe").path("httpGet").path("path").asText());
        assertEquals(ready, container.path("readinessProbe").path("httpGet").path("path").asText());
        if (container.has("startupProbe")) {
            assertEquals(live, container.path("startupProbe").path("httpGet").path("path").asText());
        }
        String portName = container.path("ports").get(0).path("name").asText();
        for (String probe : List.of("livenessProbe", "readinessProbe")) {
            JsonNode port = container.path(probe).path("httpGet").path("port");
            assertTrue(port.asText().equals(portName) || port.asInt() == container.path("ports").get(0).path("containerPort").asInt(),
                    probe + " port");
        }
    }

    @Test
    void everyEnvironmentVariableIsOneTheAppReads() {
        Set<String> read = new TreeSet<>();
        for (String key : app.stringPropertyNames()) {
            Matcher m = PLACEHOLDER.matcher(app.getProperty(key));
            while (m.find()) {
                read.add(m.group(1));
            }
        }
        ConfigMapping mapping = EmulatorConfig.class.getAnnotation(ConfigMapping.class);
        collectEnvNames(EmulatorConfig.class, mapping.prefix(), read);
        assertTrue(read.containsAll(Set.of("DB_HOST", "DB_PORT", "DB_NAME", "DB_USERNAME", "DB_PASSWORD", "EMULATOR_SEED_DIR")),
                "derived names: " + read);

        JsonNode container = emulatorContainer();
        assertFalse(container.has("envFrom"), "envFrom hides names from this check: list variables in env");
        for (JsonNode env : container.path("env")) {
            String name = env.path("name").asText();
            assertTrue(read.contains(name), name + " is not read by the app; it reads " + read);
        }
    }

    @Test
    void referencedConfigMapAndSecretKeysExist() throws IOException {
        JsonNode kustomization = one(BASE.resolve("kustomization.yaml"));
        Map<String, Set<String>> configMaps = new HashMap<>();
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            Set<String> keys = new TreeSet<>();
            generator.path("literals").forEach(l -> keys.add(l.asText().split("=", 2)[0]));
            generator.path("files").forEach(f -> keys.add(Path.of(f.asText().split("=", 2)[0]).getFileName().toString()));
            configMaps.put(generator.path("name").asText(), keys);
        }
        Set<String> secretKeys = new TreeSet<>();
        resource(BASE, "Secret", "wksemu-db").path("stringData").fieldNames().forEachRemaining(secretKeys::add);
        for (JsonNode env : emulatorContainer().path("env")) {
            JsonNode cm = env.path("valueFrom").path("configMapKeyRef");
            if (!cm.isMissingNode()) {
                assertTrue(configMaps.getOrDefault(cm.path("name").asText(), Set.of()).contains(cm.path("key").asText()), env.toString());
            }
            JsonNode secret = env.path("valueFrom").path("secretKeyRef");
            if (!secret.isMissingNode() && !secret.path("name").asText().equals(ADMIN_SECRET)) {
                assertEquals("wksemu-db", secret.path("name").asText());
                assertTrue(secretKeys.contains(secret.path("key").asText()), env.toString());
            }
        }
        // The overlay replaces the database location with the same keys.
        JsonNode overlay = one(K8S.resolve("overlays/external-db/kustomization.yaml"));
        for (JsonNode generator : overlay.path("configMapGenerator")) {
            Set<String> keys = new TreeSet<>();
            generator.path("literals").forEach(l -> keys.add(l.asText().split("=", 2)[0]));
            assertEquals(configMaps.get(generator.path("name").asText()), keys, "overlay keys of " + generator.path("name"));
        }
    }

    @Test
    void theSeedConfigMapIsMountedAtEmulatorSeedDir() throws IOException {
        JsonNode container = emulatorContainer();
        String seedDir = envValue(container, "EMULATOR_SEED_DIR");
        assertNotNull(seedDir, "EMULATOR_SEED_DIR is set");
        JsonNode kustomization = one(BASE.resolve("kustomization.yaml"));
        String seedConfigMap = null;
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            for (JsonNode file : generator.path("files")) {
                Path source = BASE.resolve(file.asText().contains("=") ? file.asText().split("=", 2)[1] : file.asText());
                if (source.getFileName().toString().equals("default.json")) {
                    seedConfigMap = generator.path("name").asText();
                    assertArrayEquals(Files.readAllBytes(Path.of("seed", "default.json")), Files.readAllBytes(source),
                            source + " is a copy of seed/default.json");
                }
            }
        }
        assertNotNull(seedConfigMap, "a configMapGenerator carries seed/default.json");
        String volume = null;
        for (JsonNode v : resource(BASE, "Deployment", "wksemu").path("spec").path("template").path("spec").path("volumes")) {
            if (v.path("configMap").path("name").asText().equals(seedConfigMap)) {
                volume = v.path("name").asText();
            }
        }
        assertNotNull(volume, "a volume holds the seed ConfigMap");
        assertEquals(seedDir, mountPathOf(container, volume));
    }

    @Test
    void theAuthSecretIsMountedWhereEmulatorAuthFilePoints() {
        JsonNode container = emulatorContainer();
        String authFile = envValue(container, "EMULATOR_AUTH_FILE");
        assertNotNull(authFile, "EMULATOR_AUTH_FILE is set");
        JsonNode secret = resource(BASE, "Secret", "wksemu-auth");
        Path file = Path.of(authFile);
        assertTrue(secret.path("stringData").has(file.getFileName().toString()), "the Secret holds " + file.getFileName());
        String volume = null;
        for (JsonNode v : resource(BASE, "Deployment", "wksemu").path("spec").path("template").path("spec").path("volumes")) {
            if (v.path("secret").path("secretName").asText().equals("wksemu-auth")) {
                volume = v.path("name").asText();
            }
        }
        assertNotNull(volume, "a volume holds the auth Secret");
        assertEquals(file.getParent().toString(), mountPathOf(container, volume));
    }

    @Test
    void theAdminTokenComesFromASecretThatIsNotInGit() throws IOException {
        JsonNode token = null;
        for (JsonNode env : emulatorContainer().path("env")) {
            if (env.path("name").asText().equals("EMULATOR_ADMIN_TOKEN")) {
                token = env;
            }
        }
        assertNotNull(token, "EMULATOR_ADMIN_TOKEN is set by default");
        assertFalse(token.has("value"), "the token is not written in the manifest");
        JsonNode ref = token.path("valueFrom").path("secretKeyRef");
        assertEquals(ADMIN_SECRET, ref.path("name").asText());
        assertEquals("token", ref.path("key").asText());
        assertFalse(ref.path("optional").asBoolean(false), "a missing Secret stops the pod instead of leaving the admin API open");
        manifests.forEach((file, docs) -> docs.forEach(doc -> assertFalse(
                doc.path("kind").asText().equals("Secret") && doc.path("metadata").path("name").asText().equals(ADMIN_SECRET),
                file + " commits the admin token")));
        // The deployment guide tells how to create and how to read it, with the Secret's and key's names.
        String guide = Files.readString(Path.of("docs/deployment.md"));
        assertTrue(guide.contains("kubectl create secret generic " + ADMIN_SECRET + " --from-literal=token="), "the guide creates the Secret");
        assertTrue(guide.contains("kubectl get secret " + ADMIN_SECRET + " -o jsonpath='{.data.token}' | base64 -d"), "the guide reads it");
    }

    @Test
    void theImageIsTheReleasedOneTaggedWithTheProjectVersion() throws IOException {
        String container = emulatorContainer().path("image").asText();
        assertEquals(IMAGE, container, "the Deployment names the image without a tag; the kustomization tags it");
        JsonNode images = one(BASE.resolve("kustomization.yaml")).path("images");
        assertEquals(1, images.size());
        assertEquals(IMAGE, images.get(0).path("name").asText());
        assertFalse(images.get(0).has("newName"), "the base keeps the released name");
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>workspace-usage-emulator</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(version.find());
        assertEquals(version.group(1), images.get(0).path("newTag").asText(), "newTag is the project version");
    }

    private static String envValue(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(name)) {
                return env.path("value").asText();
            }
        }
        return null;
    }

    private static String mountPathOf(JsonNode container, String volume) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("name").asText().equals(volume)) {
                return mount.path("mountPath").asText();
            }
        }
        return null;
    }

    @Test
    void twoReplicasWithResourcesAndGracefulShutdown() {
        JsonNode deployment = resource(BASE, "Deployment", "wksemu");
        assertEquals(2, deployment.path("spec").path("replicas").asInt());
        JsonNode container = emulatorContainer();
        for (String kind : List.of("requests", "limits")) {
            assertTrue(container.path("resources").path(kind).has("memory"), kind + ".memory");
            assertTrue(container.path("resources").path(kind).has("cpu"), kind + ".cpu");
        }
        long grace = deployment.path("spec").path("template").path("spec").path("terminationGracePeriodSeconds").asLong(30);
        long shutdown = java.time.Duration.parse("PT" + app.getProperty("quarkus.shutdown.timeout", "0s").toUpperCase()).toSeconds();
        long preStop = 0;
        JsonNode command = container.path("lifecycle").path("preStop").path("exec").path("command");
        if (command.size() == 2 && command.get(0).asText().equals("sleep")) {
            preStop = Long.parseLong(command.get(1).asText());
        }
        assertTrue(shutdown > 0, "quarkus.shutdown.timeout is set");
        assertTrue(preStop + shutdown < grace, "preStop + shutdown timeout fit in terminationGracePeriodSeconds");
    }

    @Test
    void theExternalDbOverlayDropsThePostgresResources() throws IOException {
        JsonNode overlay = one(K8S.resolve("overlays/external-db/kustomization.yaml"));
        assertTrue(overlay.path("resources").toString().contains("../../base"));
        Set<String> deleted = new TreeSet<>();
        for (JsonNode patch : overlay.path("patches")) {
            if (patch.has("patch")) {
                JsonNode doc = YAML.readTree(patch.path("patch").asText());
                if ("delete".equals(doc.path("$patch").asText())) {
                    deleted.add(doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText());
                }
            }
        }
        Set<String> postgres = new TreeSet<>();
        for (List<JsonNode> docs : manifestsUnder(BASE)) {
            for (JsonNode doc : docs) {
                if (doc.path("metadata").path("name").asText().equals("wksemu-postgres")) {
                    postgres.add(doc.path("kind").asText() + "/wksemu-postgres");
                }
            }
        }
        assertEquals(Set.of("StatefulSet/wksemu-postgres", "Service/wksemu-postgres"), postgres);
        assertEquals(postgres, deleted);
    }

    /** Environment variable names of a {@code @ConfigMapping} interface, following SmallRye's kebab-case naming. */
    private static void collectEnvNames(Class<?> type, String prefix, Set<String> names) {
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() != 0 || method.isDefault() || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            WithName withName = method.getAnnotation(WithName.class);
            String key = prefix + "." + (withName != null ? withName.value() : kebab(method.getName()));
            Class<?> returned = method.getReturnType();
            if (returned.isInterface() && returned.getName().startsWith("io.wksemu.")) {
                collectEnvNames(returned, key, names);
            } else {
                names.add(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    private static JsonNode one(Path file) {
        List<JsonNode> docs = manifests.get(file);
        assertNotNull(docs, file + " exists");
        assertEquals(1, docs.size(), file + " holds one document");
        return docs.get(0);
    }

    private static List<List<JsonNode>> manifestsUnder(Path dir) {
        return manifests.entrySet().stream().filter(e -> e.getKey().startsWith(dir)).map(Map.Entry::getValue).toList();
    }

    private static JsonNode resource(Path dir, String kind, String name) {
        for (List<JsonNode> docs : manifestsUnder(dir)) {
            for (JsonNode doc : docs) {
                if (doc.path("kind").asText().equals(kind) && doc.path("metadata").path("name").asText().equals(name)) {
                    return doc;
                }
            }
        }
        throw new AssertionError(kind + "/" + name + " not found under " + dir);
    }

    private static JsonNode emulatorContainer() {
        JsonNode containers = resource(BASE, "Deployment", "wksemu").path("spec").path("template").path("spec").path("containers");
        assertEquals(1, containers.size());
        return containers.get(0);
    }
}
