package dev.hearth.runtime.entity.example;

import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.Ref;
import io.vertx.core.Future;

import java.util.List;

/** Written straight-line: it runs on virtual threads, so it simply awaits each barrel. */
public final class PlayerEntity implements Player {

    public record State(int score) {
    }

    public static final EntityType<Player, State> TYPE =
            EntityType.of(Player.class, State.class, PlayerEntity::new)
                    .initialState(() -> new State(0))
                    .virtualThreads();

    private final EntityContext<State> self;

    public PlayerEntity(EntityContext<State> self) {
        this.self = self;
    }

    @Override
    public Future<Integer> enterLevel(List<Ref<Barrel>> barrels) {
        int score = self.state().score();
        for (Ref<Barrel> barrel : barrels) {
            boolean exploded = barrel.get().onHit().await();
            if (exploded) score++;
        }
        self.setState(new State(score));
        return Future.succeededFuture(score);
    }

    @Override
    public Future<Integer> score() {
        return Future.succeededFuture(self.state().score());
    }
}
