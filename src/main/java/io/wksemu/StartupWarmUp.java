package io.wksemu;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A head start, on a spare core, for work the start does later on its critical path: while Quarkus initialises
 * on the main thread, this thread loads the JDK's security providers and runs the computation of a SCRAM-SHA-256
 * login (PBKDF2 over HMAC-SHA-256, 4096 rounds, and SASLprep's Unicode normalisation), which the first database
 * connection needs, and a Jackson round trip, which the OpenAPI document and the seed folder need. It touches
 * only JDK and Jackson classes whose set-up depends on no setting, and nothing outside the process; the work is
 * done again where it is needed, only faster. Figures: README, Benchmarks.
 */
final class StartupWarmUp implements Runnable {

    private static final int SCRAM_ROUNDS = 4096;

    private StartupWarmUp() {
    }

    static void begin() {
        Thread thread = new Thread(new StartupWarmUp(), "startup-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec("warm-up".toCharArray(), salt, SCRAM_ROUNDS, 256));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            mac.doFinal("warm-up".getBytes(StandardCharsets.UTF_8));
            Normalizer.normalize("warm-up", Normalizer.Form.NFKC);
            ZoneId.systemDefault().getRules().getOffset(Instant.now());
            ObjectMapper mapper = new ObjectMapper();
            mapper.readValue(mapper.writeValueAsBytes(Map.of("warm-up", List.of(1, "up"))), Map.class);
        } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
            // only a head start: whatever fails here fails again, and is reported, where it is needed
        }
    }
}
