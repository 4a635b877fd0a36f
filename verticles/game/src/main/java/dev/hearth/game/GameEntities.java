package dev.hearth.game;

import dev.hearth.game.tally.TallyEntity;
import dev.hearth.runtime.entity.EntityType;

import java.util.List;

/**
 * The entity types the game runs: every node registers these with its entity runtime at
 * start, so any node can call them and game nodes can host them. Add a type here and
 * every node knows it.
 */
public final class GameEntities {
    private GameEntities() {
    }

    public static List<EntityType<?, ?>> all() {
        return List.of(TallyEntity.TYPE);
    }
}
