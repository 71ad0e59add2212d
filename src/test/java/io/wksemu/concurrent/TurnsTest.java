package io.wksemu.concurrent;

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

    @Test
    void actionsThatGiveTheTurnBackAtOnceRunInALoopNotDeeperOnTheStack() {
        Turns turns = new Turns();
        assertTrue(turns.takeOrQueue(() -> { }));
        int depth = Thread.currentThread().getStackTrace().length;
        List<Integer> depths = new ArrayList<>();
        int[] ran = {0};
        for (int i = 0; i < 100_000; i++) {
            assertFalse(turns.takeOrQueue(() -> {
                if (ran[0]++ % 1000 == 0) {
                    depths.add(Thread.currentThread().getStackTrace().length);
                }
                turns.release();
            }));
        }
        turns.release(); // each action hands the turn on: 100,000 in turn, without a StackOverflowError
        assertEquals(100_000, ran[0]);
        assertEquals(100, depths.size());
        assertTrue(depths.stream().allMatch(d -> d <= depth + 4), "deepest stack " + depths.stream().max(Integer::compare));
        assertFalse(turns.anyQueued());
        assertTrue(turns.takeOrQueue(() -> { }), "the last action gave the turn back: free again");
    }
}
