package dev.hearth.runtime.entity.store;

/** The answer to a claim: the entity is now ours at an epoch, or another live node owns it. */
public sealed interface Claim {

    /**
     * @param stateJson the committed state, or null for an entity never saved
     * @param version how many saves have landed
     */
    record Claimed(long epoch, long version, int schemaVersion, String stateJson) implements Claim {
    }

    /** @param owner the node id whose lease is alive and that owns the entity */
    record Refused(String owner) implements Claim {
    }
}
