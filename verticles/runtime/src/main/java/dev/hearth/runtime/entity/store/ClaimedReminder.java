package dev.hearth.runtime.entity.store;

import java.time.Instant;

/**
 * A due reminder one node has claimed for firing: the store shows it due at
 * {@code leasedUntil} instead, so no other node fires it before then.
 * @param reminder the reminder as it was due (its {@code dueAt} is the due time being fired)
 * @param leasedUntil the claim's mark: firing completes only if the reminder still carries it,
 *                    so a reminder set again or cancelled meanwhile is left as it now is
 */
public record ClaimedReminder(Reminder reminder, Instant leasedUntil) {
}
