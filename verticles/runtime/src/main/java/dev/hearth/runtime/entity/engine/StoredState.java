package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.codec.EntityCodec;
import dev.hearth.runtime.entity.store.Claim;
import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * Turns a claimed row into the state an activation starts with: the type's initial state
 * for an entity never saved, else the stored JSON upgraded to the current schema version
 * and decoded.
 */
final class StoredState {
    private StoredState() {
    }

    /** @throws IllegalStateException when the state is of a newer version, or an upgrade fails */
    static Object load(EntityType<?, ?> type, Claim.Claimed claimed, EntityCodec codec) {
        if (claimed.stateJson() == null) return type.initialState();
        // Rows saved before versions were recorded carry 0: they hold the first version.
        int stored = Math.max(claimed.schemaVersion(), EntityType.FIRST_SCHEMA_VERSION);
        int current = type.schemaVersion();
        if (stored > current) {
            throw new IllegalStateException("its state has schema version " + stored + ", newer than this node's code knows ("
                    + current + "); it stays untouched for a node that runs newer code");
        }
        String json = stored == current ? claimed.stateJson() : upgrade(type, stored, claimed.stateJson());
        return codec.decodeState(json, type.stateType());
    }

    private static String upgrade(EntityType<?, ?> type, int stored, String json) {
        JsonObject state = new JsonObject(json);
        for (int version = stored + 1; version <= type.schemaVersion(); version++) {
            try {
                state = Objects.requireNonNull(type.upgradeTo(version).apply(state), "the upgrade returned null");
            } catch (RuntimeException e) {
                throw new IllegalStateException("upgrading its state from schema version " + (version - 1) + " to "
                        + version + " failed: " + e.getMessage(), e);
            }
        }
        return state.encode();
    }
}
