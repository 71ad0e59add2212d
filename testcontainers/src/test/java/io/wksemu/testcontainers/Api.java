package io.wksemu.testcontainers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP calls to the emulated API, as a client without the SDK makes them. */
final class Api {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Api() {
    }

    static HttpResponse<String> desktops(WksEmuInfo emulator, String query) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/v2/" + emulator.projectId()
                + "/statistics/metrics/desktops?" + query)).header("X-Auth-Token", emulator.token()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
