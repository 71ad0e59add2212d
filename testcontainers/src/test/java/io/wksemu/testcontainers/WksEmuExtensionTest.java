package io.wksemu.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * URL mode of {@link WksEmuTest}: the extension finds the running emulator, injects its endpoint, credentials
 * and admin client, gives the class a project of its own and wipes it before each test.
 */
@WksEmuTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WksEmuExtensionTest {

    private static String projectOfTheClass;

    @BeforeAll
    static void remember(WksEmuInfo emulator) {
        projectOfTheClass = emulator.projectId();
    }

    @Test
    @Order(1)
    void theRunningEmulatorAndAProjectOfTheClassAreInjected(WksEmuInfo emulator, WksEmuAdmin admin) {
        assertEquals(System.getProperty(WksEmuExtension.URL_PROPERTY), emulator.endpoint());
        assertTrue(emulator.projectId().matches("t-wksemuextensiontest-[0-9a-f]{8}"), emulator.projectId());
        assertEquals(projectOfTheClass, emulator.projectId());
        assertEquals("wksemu-ak", emulator.accessKey());
        assertEquals("wksemu-sk", emulator.secretKey());
        assertNotNull(admin.clock().now()); // the admin token of the emulator is sent (without it: 401)
        assertEquals(new LoadResult(1, 1, 0, 0, 0),
                admin.loadFixture(Fixture.project(emulator.projectId()).desktop("d1", "left-behind")));
        assertEquals(1, admin.desktops(emulator.projectId()).count());
    }

    @Test
    @Order(2)
    void theProjectIsWipedBeforeEachTest(WksEmuInfo emulator, WksEmuAdmin admin) {
        WksEmuException empty = assertThrows(WksEmuException.class, () -> admin.desktops(emulator.projectId()));
        assertEquals(404, empty.status());
        assertEquals("EMU.0404", empty.errorCode());
    }

    @Nested
    class ANestedClass {

        @Test
        void seesTheSameEmulatorAndProject(WksEmuInfo emulator) {
            assertEquals(projectOfTheClass, emulator.projectId());
        }
    }

    @Test
    void projectIdsAreValidAndDifferPerClass() {
        String a = WksEmuExtension.projectIdFor(WksEmuExtensionTest.class);
        String b = WksEmuExtension.projectIdFor(WksEmuAdminTest.class);
        assertNotEquals(a, b);
        String longName = WksEmuExtension.projectIdFor(AVeryLongTestClassNameThatGoesOnAndOnBeyondWhatAProjectIdMayHold.class);
        assertTrue(longName.matches("[A-Za-z0-9_-]{1,64}"), longName);
    }

    static class AVeryLongTestClassNameThatGoesOnAndOnBeyondWhatAProjectIdMayHold {
    }
}
