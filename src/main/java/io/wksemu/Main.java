package io.wksemu;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.wksemu.store.EmbeddedDatabase;

/**
 * Starts the emulator. Quarkus would refuse a request target that {@link java.net.URI} cannot parse (a
 * malformed escape such as {@code %zz}) with an empty 400 before any route runs; the emulator's gateway
 * answers it instead, with the real gateway's JSON error and a request id ({@code gateway.GatewayRoutes}).
 * Quarkus reads this switch once, when its HTTP layer is first loaded, so it is set before anything else.
 * Then the embedded database starts, when the emulator runs one ({@link EmbeddedDatabase}), beside Quarkus' own
 * start.
 */
@QuarkusMain
public final class Main {

    static final String URI_VALIDATION = "vertx.disableURIValidation";

    private Main() {
    }

    public static void main(String... args) {
        System.setProperty(URI_VALIDATION, "true");
        EmbeddedDatabase.begin(System.getenv());
        Quarkus.run(args);
    }
}
