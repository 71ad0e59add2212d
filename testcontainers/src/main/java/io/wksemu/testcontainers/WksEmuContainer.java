package io.wksemu.testcontainers;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The emulator in a container, with the database it carries: ready once its readiness probe is green, that
 * is, migrated and seeded.
 * <pre>{@code
 * try (WksEmuContainer emulator = new WksEmuContainer().withClock(Instant.parse("2026-11-03T09:00:00Z"))) {
 *     emulator.start();
 *     WorkspaceClient client = WorkspaceClient.newBuilder()
 *             .withCredential(new BasicCredentials().withAk(emulator.getAccessKey()).withSk(emulator.getSecretKey())
 *                     .withProjectId(emulator.getProjectId()))
 *             .withEndpoints(List.of(emulator.getEndpoint()))
 *             .build();
 *     emulator.admin().loadFixture(...);
 * }
 * }</pre>
 * By default the image is {@code ghcr.io/wksemu/wksemu} at this module's version ({@link WksEmuVersion}); any
 * other image must declare itself compatible ({@code DockerImageName.asCompatibleSubstituteFor}).
 */
public class WksEmuContainer extends GenericContainer<WksEmuContainer> {

    public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse(WksEmuVersion.imageRepository());
    /** The port the emulator listens on inside the container. */
    public static final int PORT = 8080;
    /** The project {@code seed/default.json} of the image loads. */
    public static final String SEED_PROJECT_ID = "0b5c3a1d9e8f4b7a8c6d5e4f3a2b1c0d";
    /** The image's seed folder: every {@code *.json} in it loads at start. */
    static final String SEED_DIR = "/deployments/seed/";
    private static final String OWN_SEED_DIR = "/deployments/own-seed/";
    /**
     * The mode of what is copied in: the emulator runs as uid 185, so a folder or file only its owner may read
     * on the host (a JUnit {@code @TempDir} is 0700) must still be readable in the container.
     */
    private static final int READABLE = 0755;

    private String projectId = SEED_PROJECT_ID;
    private String accessKey = "wksemu-ak";
    private String secretKey = "wksemu-sk";
    private String token = "wksemu-token";
    private boolean strictAuth;
    private String adminToken;
    private Instant clock;

    /** The image of this module's version. */
    public WksEmuContainer() {
        this(DockerImageName.parse(WksEmuVersion.image()));
    }

    public WksEmuContainer(String image) {
        this(DockerImageName.parse(image));
    }

    public WksEmuContainer(DockerImageName image) {
        super(image);
        image.assertCompatibleWith(DEFAULT_IMAGE_NAME);
        withExposedPorts(PORT);
        waitingFor(Wait.forHttp("/q/health/ready").forPort(PORT).forStatusCode(200)
                .withStartupTimeout(Duration.ofMinutes(2)));
    }

    /** Adds a fixture file to the image's seed folder, beside {@code default.json}: it loads at start. */
    public WksEmuContainer withFixture(Path file) {
        return withCopyFileToContainer(MountableFile.forHostPath(file, READABLE), SEED_DIR + file.getFileName());
    }

    /** Adds a fixture built in code to the seed folder, as {@code name}.json. */
    public WksEmuContainer withFixture(String name, Fixture fixture) {
        return withCopyToContainer(Transferable.of(fixture.toJson()), SEED_DIR + name + ".json");
    }

    /** Adds a fixture file from the classpath to the seed folder. */
    public WksEmuContainer withFixtureResource(String resource) {
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        return withCopyFileToContainer(MountableFile.forClasspathResource(resource, READABLE), SEED_DIR + name);
    }

    /** Seeds from this folder instead of the image's ({@code default.json} then does not load). */
    public WksEmuContainer withSeed(Path folder) {
        withCopyFileToContainer(MountableFile.forHostPath(folder, READABLE), OWN_SEED_DIR);
        return withEnv("EMULATOR_SEED_DIR", OWN_SEED_DIR);
    }

    /** The project {@link #getProjectId()} answers (default: the seed's). */
    public WksEmuContainer withProjectId(String projectId) {
        this.projectId = projectId;
        return this;
    }

    /** Freezes the emulator clock at {@code now} once the container is ready. */
    public WksEmuContainer withClock(Instant now) {
        this.clock = now;
        return this;
    }

    /**
     * Strict authentication: only this AK/SK (SDK-HMAC-SHA256, verified as the official SDK signs) and the
     * token of {@link #withToken} are taken, for any project. Without it any well-formed signature or token is.
     */
    public WksEmuContainer withCredentials(String accessKey, String secretKey) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.strictAuth = true;
        return this;
    }

    /** The IAM token strict authentication takes (with {@link #withCredentials}). */
    public WksEmuContainer withToken(String token) {
        this.token = token;
        return this;
    }

    /** Guards the admin API with a token; {@link #admin()} sends it. */
    public WksEmuContainer withAdminToken(String adminToken) {
        this.adminToken = adminToken;
        return withEnv("EMULATOR_ADMIN_TOKEN", adminToken);
    }

    /** An external PostgreSQL the container can reach, instead of the one it carries. */
    public WksEmuContainer withDatabase(String host, int port, String database, String username, String password) {
        return withEnv("DB_HOST", host).withEnv("DB_PORT", String.valueOf(port)).withEnv("DB_NAME", database)
                .withEnv("DB_USERNAME", username).withEnv("DB_PASSWORD", password);
    }

    @Override
    protected void configure() {
        if (strictAuth) {
            withEnv("EMULATOR_AUTH_MODE", "strict");
            withEnv("EMULATOR_AUTH_CREDENTIALS", accessKey + ":" + secretKey);
            withEnv("EMULATOR_AUTH_TOKENS", token);
        }
    }

    @Override
    protected void containerIsStarted(InspectContainerResponse containerInfo) {
        if (clock != null) {
            admin().freezeClock(clock);
        }
    }

    /** {@code http://host:port}, for the SDK's {@code withEndpoints} and for plain HTTP. */
    public String getEndpoint() {
        return "http://" + getHost() + ":" + getMappedPort(PORT);
    }

    public String getProjectId() {
        return projectId;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    /** A token for {@code X-Auth-Token}. */
    public String getToken() {
        return token;
    }

    /** The admin client of this container, with its admin token when one is set. */
    public WksEmuAdmin admin() {
        WksEmuAdmin admin = WksEmuAdmin.connect(getEndpoint());
        return adminToken == null ? admin : admin.withAdminToken(adminToken);
    }

    /** What the JUnit extension injects. */
    WksEmuInfo info(String testProjectId) {
        return new WksEmuInfo(getEndpoint(), testProjectId, accessKey, secretKey, token, admin());
    }
}
