package io.wksemu.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The surface of a normalised path, by its first segment as routing reads it. */
class SurfaceTest {

    @Test
    void theFirstSegmentWithoutItsMatrixParametersDecides() {
        assertEquals(Surface.ADMIN, Surface.ofPath("/_emulator"));
        assertEquals(Surface.ADMIN, Surface.ofPath("/_emulator/clock"));
        assertEquals(Surface.ADMIN, Surface.ofPath("/_emulator;x/clock"));
        assertEquals(Surface.ADMIN, Surface.ofPath("/_emulator;/clock"));
        assertEquals(Surface.ADMIN, Surface.ofPath("/_emulator;a=b;c"));
        assertEquals(Surface.EMULATED_API, Surface.ofPath("/_emulatorx/clock"));
        assertEquals(Surface.EMULATED_API, Surface.ofPath("/_EMULATOR/clock"));
        assertEquals(Surface.PROBES, Surface.ofPath("/q/health/ready"));
        assertEquals(Surface.EMULATED_API, Surface.ofPath("/q"));
        assertEquals(Surface.EMULATED_API, Surface.ofPath("/v2/p;x/statistics/metrics/desktops"));
        assertEquals(Surface.EMULATED_API, Surface.ofPath("/"));
        assertEquals(Surface.EMULATED_API, Surface.ofPath(null));
    }
}
