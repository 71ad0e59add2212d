package io.wksemu.testcontainers;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

/** The image check of the container class, which needs no container engine (it runs before any start). */
class WksEmuContainerImageTest {

    @Test
    void theDefaultImageIsThisModulesVersion() {
        assertEquals("ghcr.io/wksemu/wksemu:" + WksEmuVersion.version(), WksEmuVersion.image());
    }

    @Test
    void anotherImageMustDeclareItselfCompatible() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new WksEmuContainer("localhost/something-else:1"));
        assertTrue(refused.getMessage().contains("ghcr.io/wksemu/wksemu"), refused.getMessage());
        assertDoesNotThrow(() -> new WksEmuContainer(DockerImageName.parse("localhost/something-else:1")
                .asCompatibleSubstituteFor("ghcr.io/wksemu/wksemu")));
    }
}
