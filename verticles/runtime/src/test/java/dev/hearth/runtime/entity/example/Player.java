package dev.hearth.runtime.entity.example;

import dev.hearth.runtime.entity.Ref;
import io.vertx.core.Future;

import java.util.List;

/** A player who scores a point per barrel they make explode. */
public interface Player {
    /** Hits every barrel of the level once; @return the score after the level */
    Future<Integer> enterLevel(List<Ref<Barrel>> barrels);

    Future<Integer> score();
}
