package dev.hearth.runtime.entity.example;

import io.vertx.core.Future;

/** A barrel in a level: the first hit makes it explode; later hits find it already gone. */
public interface Barrel {
    /** @return whether this hit made it explode (only the hit that does answers true) */
    Future<Boolean> onHit();

    Future<Integer> hits();
}
