package dev.hearth.game.match;

import dev.hearth.runtime.entity.Reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * What lobbies and matches share about their durable reminders: one fires late by up to a
 * poll, or early when another node's clock is ahead, so a reminder that comes too early is
 * set again for the time left.
 */
final class Reminding {
    /** A reminder this close to its time counts as on time (clocks differ a little). */
    static final Duration SLACK = Duration.ofMillis(250);

    private Reminding() {
    }

    /**
     * Whether {@code at} has come; if not, the reminder {@code name} is set again for the
     * time left (its own write, done before this returns).
     */
    static boolean dueOrSetAgain(Reminders reminders, String name, Instant at, InstantSource clock) {
        Duration left = Duration.between(clock.instant(), at);
        if (left.compareTo(SLACK) <= 0) return true;
        reminders.set(name, left).await();
        return false;
    }
}
