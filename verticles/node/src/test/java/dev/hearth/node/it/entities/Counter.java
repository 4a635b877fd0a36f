package dev.hearth.node.it.entities;

import dev.hearth.runtime.entity.Ref;
import io.vertx.core.Future;

/** A number that every acknowledged increment or move must leave right, whatever fails. */
public interface Counter {
    /** @return the value after this increment, once it is committed */
    Future<Integer> increment();

    Future<Integer> value();

    /** Takes {@code amount} off this counter and transfers it to the other, exactly once. @return the value left here */
    Future<Integer> moveTo(Ref<Counter> to, int amount);

    /** Adds {@code amount}: how a move arrives. */
    Future<Integer> add(int amount);

    /** Adds one at once but answers only after {@code millis}: a change in flight for that long. */
    Future<Integer> incrementSlowly(int millis);
}
