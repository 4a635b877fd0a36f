package dev.hearth.testkit.example;

import dev.hearth.runtime.entity.example.Barrel;
import io.vertx.core.Future;

import java.util.function.Supplier;

/** A stand-in for BarrelEntity, as a game developer would write one: each hit answers what the test decided. */
public record FakeBarrel(Supplier<Future<Boolean>> answer) implements Barrel {

    public static FakeBarrel exploding() {
        return answering(Future.succeededFuture(true));
    }

    public static FakeBarrel dud() {
        return answering(Future.succeededFuture(false));
    }

    public static FakeBarrel jammed() {
        return answering(Future.failedFuture(new IllegalStateException("the barrel is jammed")));
    }

    public static FakeBarrel answering(Future<Boolean> answer) {
        return new FakeBarrel(() -> answer);
    }

    @Override
    public Future<Boolean> onHit() {
        return answer.get();
    }

    @Override
    public Future<Integer> hits() {
        return Future.failedFuture(new UnsupportedOperationException("a fake barrel does not count its hits"));
    }
}
