package dev.hearth.node.it.entities;

import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.Ref;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.concurrent.atomic.AtomicInteger;

public final class CounterEntity implements Counter {
    /** Slow increments started and not yet answered on this node: lets a test freeze a node mid-change. */
    public static final AtomicInteger SLOW_CALLS_RUNNING = new AtomicInteger();

    public record State(int value) {
    }

    public static final EntityType<Counter, State> TYPE =
            EntityType.of(Counter.class, State.class, CounterEntity::new).initialState(() -> new State(0));

    private final EntityContext<State> self;

    public CounterEntity(EntityContext<State> self) {
        this.self = self;
    }

    @Override
    public Future<Integer> increment() {
        int next = self.state().value() + 1;
        self.setState(new State(next));
        return Future.succeededFuture(next);
    }

    @Override
    public Future<Integer> moveTo(Ref<Counter> to, int amount) {
        int left = self.state().value() - amount;
        self.setState(new State(left));
        self.transfer(to, counter -> counter.add(amount));
        return Future.succeededFuture(left);
    }

    @Override
    public Future<Integer> add(int amount) {
        int next = self.state().value() + amount;
        self.setState(new State(next));
        return Future.succeededFuture(next);
    }

    @Override
    public Future<Integer> value() {
        return Future.succeededFuture(self.state().value());
    }

    @Override
    public Future<Integer> incrementSlowly(int millis) {
        int next = self.state().value() + 1;
        self.setState(new State(next));
        SLOW_CALLS_RUNNING.incrementAndGet();
        return Vertx.currentContext().owner().timer(millis)
                .onComplete(t -> SLOW_CALLS_RUNNING.decrementAndGet())
                .map(next);
    }
}
