package dev.hearth.runtime.entity.example;

import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityType;
import io.vertx.core.Future;

/** Written as plain Future code: it calls nothing, so it has nothing to await. */
public final class BarrelEntity implements Barrel {
    public static final int HITS_TO_EXPLODE = 1;

    public record State(int hits) {
    }

    public static final EntityType<Barrel, State> TYPE =
            EntityType.of(Barrel.class, State.class, BarrelEntity::new).initialState(() -> new State(0));

    private final EntityContext<State> self;

    public BarrelEntity(EntityContext<State> self) {
        this.self = self;
    }

    @Override
    public Future<Boolean> onHit() {
        int hits = self.state().hits() + 1;
        self.setState(new State(hits));
        return Future.succeededFuture(hits == HITS_TO_EXPLODE);
    }

    @Override
    public Future<Integer> hits() {
        return Future.succeededFuture(self.state().hits());
    }
}
