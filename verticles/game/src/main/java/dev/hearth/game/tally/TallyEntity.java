package dev.hearth.game.tally;

import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityType;
import io.vertx.core.Future;

public final class TallyEntity implements Tally {
    public record State(long total) {
    }

    public static final EntityType<Tally, State> TYPE =
            EntityType.of(Tally.class, State.class, TallyEntity::new).initialState(() -> new State(0));

    private final EntityContext<State> self;

    public TallyEntity(EntityContext<State> self) {
        this.self = self;
    }

    @Override
    public Future<Long> add(int amount) {
        // A failed call changes nothing, so a bad amount cannot lower the count.
        if (amount < 1) return Future.failedFuture(new IllegalArgumentException("a tally only goes up, not by " + amount));
        self.setState(new State(self.state().total() + amount));
        return Future.succeededFuture(self.state().total());
    }

    @Override
    public Future<Long> total() {
        return Future.succeededFuture(self.state().total());
    }
}
