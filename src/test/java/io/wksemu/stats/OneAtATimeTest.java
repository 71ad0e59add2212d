package io.wksemu.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Work submitted to OneAtATime runs alone and in arrival order, whatever ends it (item, failure, a throw). */
class OneAtATimeTest {

    /** A started piece of work, ended later by the test: 0 with an item, 1 with a failure. */
    private record Started(UniEmitter<? super Integer> emitter, int piece, int ending, AtomicInteger running) {
        void end() {
            running.decrementAndGet();
            if (ending == 0) {
                emitter.complete(piece);
            } else {
                emitter.fail(new IllegalStateException(String.valueOf(piece)));
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void piecesRunAloneInArrivalOrder(long seed) {
        Random random = new Random(seed);
        OneAtATime gate = new OneAtATime();
        int pieces = 2 + random.nextInt(12);
        List<Started> started = new ArrayList<>();
        AtomicInteger running = new AtomicInteger();
        List<String> outcomes = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < pieces; i++) {
            int piece = i;
            int ending = random.nextInt(3); // 0 an item, 1 a failure, 2 the supplier throws
            expected.add((ending == 0 ? "item " : "failure ") + piece);
            gate.run(() -> {
                assertEquals(1, running.incrementAndGet(), "seed " + seed + ": two pieces ran at once");
                if (ending == 2) {
                    running.decrementAndGet();
                    throw new IllegalStateException(String.valueOf(piece));
                }
                return Uni.createFrom().<Integer>emitter(emitter -> started.add(new Started(emitter, piece, ending, running)));
            }).subscribe().with(item -> outcomes.add("item " + item), failure -> outcomes.add("failure " + failure.getMessage()));
            // the running piece ends now or later, while the next ones wait
            while (!started.isEmpty() && random.nextBoolean()) {
                started.remove(0).end();
            }
        }
        while (!started.isEmpty()) {
            started.remove(0).end();
        }
        assertEquals(expected, outcomes, "seed " + seed);
        assertEquals(0, running.get());
    }
}
