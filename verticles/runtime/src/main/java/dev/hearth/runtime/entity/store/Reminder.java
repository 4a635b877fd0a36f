package dev.hearth.runtime.entity.store;

import dev.hearth.runtime.entity.EntityId;

import java.time.Duration;
import java.time.Instant;

/**
 * A durable reminder of an entity.
 * @param period how often it comes back after {@code dueAt}; null for a reminder that fires once
 */
public record Reminder(EntityId id, String name, Instant dueAt, Duration period) {
}
