package dev.hearth.loadtest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MixTest {

    @Test
    void aPresetCanBeChangedByWeightsAfterIt() {
        Mix mix = Mix.parse("chat,look=4,say=0");
        assertThat(mix.weights()).containsEntry(Action.LOOK, 4.0).containsEntry(Action.CHAT, 6.0).doesNotContainKey(Action.SAY);
        assertThat(Mix.parse(null).weights()).isEqualTo(Mix.PRESETS.get("default"));
        assertThat(Mix.parse("GO=2").weights()).isEqualTo(Map.of(Action.GO, 2.0));
    }

    @Test
    void theIdleMixSendsNothing() {
        assertThat(Mix.parse("idle").idle()).isTrue();
        assertThat(Mix.parse("idle").choose(view(), new SplittableRandom(1))).isEmpty();
        assertThat(Mix.parse("look=0").idle()).isTrue();
    }

    @Test
    void unknownActionsPresetsAndBadWeightsAreRefusedWithWhatWouldDo() {
        assertThatThrownBy(() -> Mix.parse("dance=1")).hasMessageContaining("unknown action 'dance'").hasMessageContaining("look, go");
        assertThatThrownBy(() -> Mix.parse("party")).hasMessageContaining("unknown mix 'party'").hasMessageContaining("chat, default");
        assertThatThrownBy(() -> Mix.parse("look=1,chat")).hasMessageContaining("a preset comes first");
        assertThatThrownBy(() -> Mix.parse("look=lots")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Mix.parse("look=-1")).hasMessageContaining("0 or more");
    }

    @Test
    void commandsTheServerDoesNotListAreLeftOut() {
        Mix mix = Mix.parse("look=1,shoot=5,top=1");
        Mix onServer = mix.onlyCommands(Set.of("look", "help", "top"));
        assertThat(onServer.weights()).containsOnlyKeys(Action.LOOK, Action.TOP);
        assertThat(mix.missingFrom(onServer)).containsExactly(Action.SHOOT);
    }

    @Test
    void botsPickOnlyWhatMakesSenseWhereTheyAre() {
        Mix mix = Mix.parse("go=5,shoot=5");
        BotView inTavern = view();
        assertThat(mix.choose(inTavern, new SplittableRandom(3)).orElseThrow().line()).startsWith("go ");

        BotView inMatch = view();
        inMatch.observe(new JsonObject().put("type", "room").put("room", new JsonObject().put("id", "match-7")
                .put("exits", new JsonArray()).put("occupants", new JsonArray().add("bot0001")).putNull("map")));
        inMatch.observe(new JsonObject().put("type", "match").put("match", new JsonObject().put("state", "playing")
                .put("standing", new JsonArray().add("3"))));
        assertThat(mix.choose(inMatch, new SplittableRandom(3)).orElseThrow().line()).isEqualTo("shoot 3");
    }

    @Test
    void picksAreInProportionToTheWeights() {
        Mix mix = Mix.parse("look=1,who=3");
        SplittableRandom random = new SplittableRandom(11);
        Map<Action, Integer> picks = new EnumMap<>(Action.class);
        for (int i = 0; i < 40_000; i++) picks.merge(mix.choose(view(), random).orElseThrow().action(), 1, Integer::sum);
        assertThat(picks.get(Action.WHO) / (double) picks.get(Action.LOOK)).isCloseTo(3.0, within(0.15));
    }

    private static BotView view() {
        BotView view = new BotView("bot0001", List.of());
        view.observe(new JsonObject().put("type", "room").put("room", new JsonObject().put("id", "tavern")
                .put("exits", new JsonArray().add(new JsonObject().put("name", "north").put("to", "kitchen").put("dir", "n")))
                .put("occupants", new JsonArray().add("bot0001")).put("items", new JsonArray())
                .put("map", new JsonObject().put("x", -1).put("y", 0).put("z", 0))));
        return view;
    }
}
