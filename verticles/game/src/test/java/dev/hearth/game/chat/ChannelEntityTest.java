package dev.hearth.game.chat;

import dev.hearth.game.delivery.Audience;
import dev.hearth.game.testing.PlayKit;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.codec.EntityCodec;
import dev.hearth.runtime.entity.codec.FakeRefBinder;
import dev.hearth.runtime.entity.codec.JsonEntityCodec;
import dev.hearth.runtime.testing.Await;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelEntityTest {
    @AutoClose
    private final PlayKit play = new PlayKit();
    private final Channel ooc = play.kit().ref(Channel.class, "ooc");

    @Test
    void membersHearALineAndTheSpeakerSeesItInTheirReply() {
        SessionRef alice = play.session("Alice");
        SessionRef aliceOnPhone = play.session("Alice");
        SessionRef bob = play.session("Bob");
        play.kit().await(ooc.join("Alice", List.of(alice, aliceOnPhone)));
        play.kit().await(ooc.join("Bob", List.of(bob)));

        ChatLine line = play.kit().await(ooc.say(alice, "anyone up for barrels?")).orElseThrow();

        assertThat(line.from()).isEqualTo("Alice");
        assertThat(line.text()).isEqualTo("anyone up for barrels?");
        JsonObject expected = new JsonObject().put("type", "chat").put("channel", "ooc").put("from", "Alice")
                .put("text", "anyone up for barrels?").put("at", line.at().toEpochMilli());
        assertThat(play.pushed(bob, "chat")).containsExactly(expected);
        assertThat(play.pushed(aliceOnPhone, "chat")).as("the speaker's other connection").containsExactly(expected);
        assertThat(play.pushed(alice, "chat")).as("the speaking session has it in its reply").isEmpty();
    }

    @Test
    void joiningShowsTheLastTwentyLinesOldestFirst() {
        SessionRef alice = play.session("Alice");
        play.kit().await(ooc.join("Alice", List.of(alice)));
        IntStream.rangeClosed(1, 25).forEach(i -> play.kit().await(ooc.say(alice, "line " + i)));

        List<ChatLine> history = play.kit().await(ooc.join("Bob", List.of(play.session("Bob"))));

        assertThat(history).extracting(ChatLine::text)
                .containsExactlyElementsOf(IntStream.rangeClosed(6, 25).mapToObj(i -> "line " + i).toList());
    }

    @Test
    void historyAndMembersSurviveTheChannelsDeactivation() {
        SessionRef alice = play.session("Alice");
        play.kit().await(ooc.join("Alice", List.of(alice)));
        play.kit().await(ooc.say(alice, "still here tomorrow"));

        play.kit().deactivate(Channel.class, "ooc");

        assertThat(play.kit().await(ooc.info())).isEqualTo(new ChannelInfo("ooc", 1, 1));
        assertThat(play.kit().await(ooc.join("Bob", List.of()))).extracting(ChatLine::text).containsExactly("still here tomorrow");
    }

    @Test
    void aPlayerWhoIsNotAMemberCannotSpeakAndALeaverHearsNoMore() {
        SessionRef alice = play.session("Alice");
        SessionRef bob = play.session("Bob");
        play.kit().await(ooc.join("Alice", List.of(alice)));
        play.kit().await(ooc.join("Bob", List.of(bob)));

        assertThat(play.kit().await(ooc.leave("Bob"))).as("was online").isTrue();
        assertThat(play.kit().await(ooc.say(bob, "hello?"))).isEqualTo(Optional.empty());
        play.kit().await(ooc.say(alice, "bye bob"));

        assertThat(play.pushed(bob, "chat")).isEmpty();
        assertThat(play.kit().await(ooc.info())).isEqualTo(new ChannelInfo("ooc", 1, 1));
    }

    @Test
    void anOfflineMemberStaysAMemberAndHearsNothingUntilBack() {
        SessionRef alice = play.session("Alice");
        SessionRef bob = play.session("Bob");
        play.kit().await(ooc.join("Alice", List.of(alice)));
        play.kit().await(ooc.join("Bob", List.of(bob)));
        play.kit().await(ooc.present("Bob", List.of()));

        play.kit().await(ooc.say(alice, "while you were out"));
        assertThat(play.kit().await(ooc.info())).isEqualTo(new ChannelInfo("ooc", 2, 1));

        SessionRef bobAgain = play.session("Bob");
        play.kit().await(ooc.present("Bob", List.of(bobAgain)));
        play.kit().await(ooc.say(alice, "welcome back"));
        assertThat(play.pushed(bob, "chat")).isEmpty();
        assertThat(play.pushed(bobAgain, "chat")).extracting(e -> e.getString("text")).containsExactly("welcome back");
    }

    @Test
    void theChannelKeepsOnlyItsOnlineMembersAndCountsTheRest() {
        SessionRef alice = play.session("Alice");
        play.kit().await(ooc.join("Alice", List.of(alice)));
        for (int i = 0; i < 30; i++) {
            SessionRef passing = play.session("Player" + i);
            play.kit().await(ooc.join("Player" + i, List.of(passing)));
            play.kit().await(ooc.present("Player" + i, List.of()));
        }

        ChannelEntity.State state = saved("ooc", s -> s.members() == 31);
        assertThat(state.online().players()).containsExactly("Alice");
        assertThat(state.members()).isEqualTo(31);
        assertThat(play.kit().await(ooc.info())).isEqualTo(new ChannelInfo("ooc", 31, 1));
    }

    @Test
    void aMemberWhoConnectsAgainIsHeardAgainWithoutBeingCountedTwice() {
        SessionRef bob = play.session("Bob");
        play.kit().await(ooc.join("Bob", List.of(bob)));
        play.kit().await(ooc.present("Bob", List.of()));
        play.kit().await(ooc.say(play.session("Alice"), "nobody is online"));

        SessionRef bobAgain = play.session("Bob");
        play.kit().await(ooc.connected("Bob", List.of(bobAgain)));

        assertThat(saved("ooc", s -> s.online().contains("Bob")).online().sessionsByPlayer())
                .containsExactly(Map.entry("Bob", List.of(bobAgain)));
        assertThat(play.kit().await(ooc.info())).isEqualTo(new ChannelInfo("ooc", 1, 1));
    }

    @Test
    void playersWhoComeAndGoLeaveNothingOfTheirSessionsInTheirChannels() {
        SessionRef alice = play.connect("Alice");
        for (int i = 0; i < 5; i++) {
            play.disconnect(play.connect("Passer" + i));
        }
        play.disconnect(play.connect("Alice"));

        for (String channel : List.of("ooc", "newbie")) {
            ChannelEntity.State state = saved(channel, s -> s.members() == 6 && s.online().size() == 1);
            assertThat(state.online().sessionsByPlayer()).as(channel).containsExactly(Map.entry("Alice", List.of(alice)));
            assertThat(state.members()).as(channel).isEqualTo(6);
        }
    }

    /** The channel as saved: it is written behind, so it is polled for until it shows what {@code done} expects. */
    private ChannelEntity.State saved(String channel, Predicate<ChannelEntity.State> done) {
        Await.within(Duration.ofSeconds(5), "channel " + channel + " saved", () -> {
            ChannelEntity.State state = play.channel(channel);
            return state != null && done.test(state);
        });
        return play.channel(channel);
    }

    /** The state as v1 saved it. */
    record EveryMemberEver(Audience members, List<ChatLine> history) {
    }

    @Test
    void aChannelSavedWithEveryMemberEverKeepsThoseOnlineAndCountsThemAll() {
        EntityCodec codec = new JsonEntityCodec(new FakeRefBinder());
        SessionRef alice = play.session("Alice");
        ChatLine hi = new ChatLine("Bob", "hi", Instant.parse("2024-01-01T00:00:00Z"));
        String v1 = codec.encodeState(new EveryMemberEver(
                Audience.none().with("Alice", List.of(alice)).with("Bob", List.of()).with("Carol", List.of()), List.of(hi)));

        ChannelEntity.State v2 = codec.decodeState(ChannelEntity.fromEveryMemberEver(new JsonObject(v1)).encode(), ChannelEntity.State.class);

        assertThat(v2).isEqualTo(new ChannelEntity.State(Audience.none().with("Alice", List.of(alice)), 3, List.of(hi)));
    }
}
