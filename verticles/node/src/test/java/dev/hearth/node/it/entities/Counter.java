package dev.hearth.node.it.entities;

import io.vertx.core.Future;

/** A number that only goes up: every acknowledged increment must survive any failure. */
public interface Counter {
    /** @return the value after this increment, once it is committed */
    Future<Integer> increment();

    Future<Integer> value();

    /** Adds one at once but answers only after {@code millis}: a change in flight for that long. */
    Future<Integer> incrementSlowly(int millis);
}
