package dev.hearth.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it: the runtime's "now" (how long entities
 * have been idle), so a test of an hour's idleness takes no time and gives the same answer
 * on every run. Thread-safe.
 */
public final class TestClock implements InstantSource {
    /** Where every test clock starts, so runs are repeatable. */
    public static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    private final AtomicReference<Instant> now;

    public TestClock() {
        this(START);
    }

    public TestClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public Instant now() {
        return now.get();
    }

    /** Moves time forward; it never goes back. @return the new time */
    public Instant advance(Duration by) {
        if (by.isNegative()) throw new IllegalArgumentException("a test clock only moves forward, not by " + by);
        return now.updateAndGet(current -> current.plus(by));
    }

    @Override
    public Instant instant() {
        return now();
    }

    @Override
    public String toString() {
        return "TestClock at " + now();
    }
}
