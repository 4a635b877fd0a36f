package dev.hearth.game.tally;

import io.vertx.core.Future;

/**
 * A named count that only goes up: how often a room was entered, how many wolves a player
 * has killed. The key names what is counted.
 */
public interface Tally {
    /** @param amount at least 1 @return the total after this addition, once it is committed */
    Future<Long> add(int amount);

    Future<Long> total();
}
