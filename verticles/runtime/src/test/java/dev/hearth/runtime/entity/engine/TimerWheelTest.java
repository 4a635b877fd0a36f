package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The wheel on a real event loop, with 5 ms ticks and 8 slots, so timers go round it many times. */
class TimerWheelTest {
    private static final long TICK_MILLIS = 5;

    private Vertx vertx;
    private ContextInternal loop;
    private TimerWheel wheel;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        loop = ((VertxInternal) vertx).createEventLoopContext();
        wheel = new TimerWheel(loop, TICK_MILLIS, 8);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void runsEveryTaskOnItsLoopAndNeverBeforeItsDeadline() throws Exception {
        List<Long> deadlines = new ArrayList<>();
        List<Future<Long>> ran = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            long deadline = start + TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(0, 300));
            Promise<Long> at = Promise.promise();
            wheel.scheduleAt(deadline, () -> at.complete(loop.inThread() ? System.nanoTime() : -1));
            deadlines.add(deadline);
            ran.add(at.future());
        }
        Future.all(ran).await(10, TimeUnit.SECONDS);

        for (int i = 0; i < deadlines.size(); i++) {
            assertThat(ran.get(i).result()).as("task %d ran on the wheel's loop, not early", i).isGreaterThanOrEqualTo(deadlines.get(i));
        }
        awaitStill();
    }

    @Test
    void aCancelledTaskNeverRunsAndTheWheelRestsWhenEmpty() throws Exception {
        Promise<Void> kept = Promise.promise();
        List<String> ran = new ArrayList<>();
        long soon = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        TimerWheel.Entry cancelled = wheel.scheduleAt(soon, () -> ran.add("cancelled"));
        wheel.scheduleAt(soon + TimeUnit.MILLISECONDS.toNanos(100), () -> {
            ran.add("kept");
            kept.complete();
        });
        cancelled.cancel();
        kept.future().await(5, TimeUnit.SECONDS);

        assertThat(ran).containsExactly("kept");
        awaitStill();
    }

    @Test
    void aTaskMayScheduleAnotherFromItsTick() throws Exception {
        Promise<Integer> third = Promise.promise();
        int[] count = {0};
        Runnable[] again = new Runnable[1];
        again[0] = () -> {
            if (++count[0] == 3) third.complete(count[0]);
            else wheel.scheduleAt(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(8 * TICK_MILLIS), again[0]);
        };
        wheel.scheduleAt(System.nanoTime(), again[0]);
        assertThat(third.future().await(5, TimeUnit.SECONDS)).isEqualTo(3);
    }

    /** Once every task has run, the wheel stops its Vert.x timer. */
    private void awaitStill() {
        Await.within(Duration.ofSeconds(5), "the wheel to come to rest", () -> {
            Promise<Boolean> turning = Promise.promise();
            loop.runOnContext(v -> turning.complete(wheel.turning()));
            return !turning.future().await();
        });
    }
}
