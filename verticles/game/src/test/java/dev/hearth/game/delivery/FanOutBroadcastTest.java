package dev.hearth.game.delivery;

import dev.hearth.game.testing.Futures;
import dev.hearth.runtime.edge.EdgeAddresses;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FanOutBroadcastTest {

    @Test
    void a_broadcast_is_one_publish_of_the_event_to_every_gateway() {
        Vertx vertx = Vertx.vertx();
        try {
            Promise<JsonObject> first = Promise.promise();
            Promise<JsonObject> second = Promise.promise();
            Futures.await(vertx.eventBus().<JsonObject>consumer(EdgeAddresses.BROADCAST, m -> first.tryComplete(m.body())).completion());
            Futures.await(vertx.eventBus().<JsonObject>consumer(EdgeAddresses.BROADCAST, m -> second.tryComplete(m.body())).completion());
            JsonObject event = new JsonObject().put("type", "notice").put("text", "The lobby fills up.").put("level", "info");

            new FanOut(vertx.eventBus()).broadcast(event);

            assertThat(Futures.await(first.future())).isEqualTo(new JsonObject().put("event", event));
            assertThat(Futures.await(second.future())).isEqualTo(new JsonObject().put("event", event));
            assertThat(EdgeAddresses.BROADCAST).isEqualTo("hearth.gateway.broadcast");
        } finally {
            Futures.await(vertx.close());
        }
    }
}
