package dev.hearth.runtime.entity.store;

import java.time.Duration;
import java.time.Instant;

/** The memory store keeps the contract; its clock moves only when a test moves it. */
class InMemoryEntityStoreTest extends EntityStoreContract {
    private Instant now = Instant.parse("2026-11-22T12:00:00Z");

    @Override
    EntityStore newStore() {
        return new InMemoryEntityStore(() -> now);
    }

    @Override
    void waitOutShortLease(String nodeId) {
        now = now.plus(SHORT_LEASE);
    }

    @Override
    void timePasses(Duration time) {
        now = now.plus(time);
    }
}
