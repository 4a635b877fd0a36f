package dev.hearth.game.delivery;

import dev.hearth.runtime.edge.Delivery;
import dev.hearth.runtime.edge.SessionRef;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FanOutPlanTest {
    private static final JsonObject EVENT = new JsonObject().put("type", "text").put("text", "hi");

    @Test
    void recipients_are_grouped_into_one_delivery_per_gateway_in_order() {
        Map<String, Delivery> plan = FanOut.plan(List.of(
                new SessionRef("A", "g1", "s.a"),
                new SessionRef("B", "g2", "s.b"),
                new SessionRef("C", "g1", "s.c")), EVENT);

        assertThat(plan).containsExactly(
                Map.entry("g1", new Delivery(List.of("s.a", "s.c"), EVENT)),
                Map.entry("g2", new Delivery(List.of("s.b"), EVENT)));
    }

    @Test
    void a_session_listed_twice_is_delivered_to_once() {
        SessionRef a = new SessionRef("A", "g1", "s.a");
        assertThat(FanOut.plan(List.of(a, a), EVENT)).containsExactly(Map.entry("g1", new Delivery(List.of("s.a"), EVENT)));
    }

    @Test
    void no_recipients_means_no_delivery() {
        assertThat(FanOut.plan(List.of(), EVENT)).isEmpty();
    }
}
