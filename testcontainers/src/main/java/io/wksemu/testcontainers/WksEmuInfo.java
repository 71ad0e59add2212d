package io.wksemu.testcontainers;

/**
 * What a test of {@link WksEmuTest} is given: the emulator's endpoint, the test class's own project (wiped
 * before each test), credentials that the official SDK's {@code BasicCredentials} and {@code X-Auth-Token}
 * take, and the admin client.
 */
public record WksEmuInfo(String endpoint, String projectId, String accessKey, String secretKey, String token,
        WksEmuAdmin admin) {
}
