package io.wksemu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnsTest {

    @Test
    void oneHolderAtATimeTheOthersInArrivalOrderOnTheReleasingThread() {
        Turns turns = new Turns();
        List<String> ran = new ArrayList<>();
        assertTrue(turns.takeOrQueue(() -> ran.add("never: the first caller holds the turn at once")));
        assertFalse(turns.anyQueued());
        assertFalse(turns.takeOrQueue(() -> ran.add("b on " + Thread.currentThread().getName())));
        assertFalse(turns.takeOrQueue(() -> ran.add("c")));
        assertTrue(turns.anyQueued());
        assertEquals(List.of(), ran);

        turns.release(); // the turn goes to b, which runs here
        assertEquals(List.of("b on " + Thread.currentThread().getName()), ran);
        assertTrue(turns.anyQueued());
        assertFalse(turns.takeOrQueue(() -> ran.add("d")), "b holds the turn now");
        turns.release();
        turns.release();
        assertEquals(List.of("b on " + Thread.currentThread().getName(), "c", "d"), ran);
        assertFalse(turns.anyQueued());

        turns.release(); // d gives it back: free again
        assertTrue(turns.takeOrQueue(() -> ran.add("never")));
        assertEquals(3, ran.size(), "an action runs only when the turn is given to it");
    }
}
