package dev.hearth.game.match;

import dev.hearth.game.chat.Channel;
import dev.hearth.game.chat.ChannelEntity;
import dev.hearth.game.chat.ChannelInfo;
import dev.hearth.game.chat.ChatLine;
import dev.hearth.game.delivery.Audience;
import dev.hearth.game.match.Lobby.LobbyJoin;
import dev.hearth.game.match.Match.Shot;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.codec.EntityCodec;
import dev.hearth.runtime.entity.codec.FakeRefBinder;
import dev.hearth.runtime.entity.codec.JsonEntityCodec;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.hearth.runtime.entity.codec.CodecRoundTrip.assertArgumentsRoundTrip;
import static dev.hearth.runtime.entity.codec.CodecRoundTrip.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every argument, result and state of channels, lobbies and matches survives the entity
 * codec, as it must when a call crosses nodes or state goes to the database (calls on one
 * node, as in the test kit, skip the codec).
 */
class PlayMessagesRoundTripTest {
    private static final Instant AT = Instant.parse("2030-01-01T12:00:00.123456789Z");
    private static final SessionRef ALICE = new SessionRef("Alice", "gw-1", "hearth.session.6f1c");
    private static final Audience PLAYERS = Audience.none().with("Alice", List.of(ALICE)).with("Bob", List.of());

    private final EntityCodec codec = new JsonEntityCodec(new FakeRefBinder(Channel.class, Lobby.class, LobbyBoard.class, Match.class));

    private static final LobbyView COUNTING = new LobbyView("arena", List.of("Alice", "Bob"), 4, LobbyView.Phase.COUNTDOWN, AT, null, 7);
    private static final MatchView ENDED = new MatchView("arena-3", "arena", MatchView.Phase.ENDED, List.of("Bob"), List.of("2", "5"), AT,
            Map.of("Alice", 3, "Bob", 0), MatchView.Ending.TIME);

    @Test
    void resultsRoundTripAsTheirDeclaredTypes() {
        for (Method method : allMethods()) {
            Type result = ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
            Object sample = sampleOf(result);
            if (sample != null) assertRoundTrips(codec, sample, result);
        }
    }

    @Test
    void argumentsRoundTripAgainstEachMethodsParameters() throws Exception {
        assertArgumentsRoundTrip(codec, Channel.class.getMethod("join", String.class, List.class), "Alice", List.of(ALICE));
        assertArgumentsRoundTrip(codec, Channel.class.getMethod("say", SessionRef.class, String.class), ALICE, "hi");
        assertArgumentsRoundTrip(codec, Lobby.class.getMethod("present", String.class, List.class), "Bob", List.of());
        assertArgumentsRoundTrip(codec, LobbyBoard.class.getMethod("report", LobbyView.class), COUNTING);
        assertArgumentsRoundTrip(codec, Match.class.getMethod("start", MatchSetup.class),
                new MatchSetup("arena", PLAYERS, 12, 2, Duration.ofSeconds(90)));
        assertArgumentsRoundTrip(codec, Match.class.getMethod("shoot", SessionRef.class, String.class), ALICE, "3");
    }

    @Test
    void statesRoundTripAsStored() {
        assertStateRoundTrips(new ChannelEntity.State(PLAYERS, 7, List.of(new ChatLine("Alice", "hello", AT))));
        assertStateRoundTrips(new LobbyEntity.State(PLAYERS, AT, null, 2, 11));
        assertStateRoundTrips(new LobbyBoardEntity.State(Map.of("arena", COUNTING)));
        assertStateRoundTrips(new MatchEntity.State("arena", PLAYERS, Map.of("2", 1, "5", 2), Map.of("Alice", 3, "Bob", 0),
                AT, AT.plusSeconds(1), MatchView.Ending.BARRELS));
    }

    @Test
    void anAudienceKeepsTheOrderPlayersCameIn() {
        Audience many = Audience.none();
        for (String name : List.of("Zed", "Amy", "Moe", "Bea")) many = many.with(name, List.of());
        String json = codec.encodeState(new LobbyEntity.State(many, null, null, 0, 0));

        assertThat(codec.decodeState(json, LobbyEntity.State.class).players().players()).containsExactly("Zed", "Amy", "Moe", "Bea");
    }

    private <S> void assertStateRoundTrips(S state) {
        @SuppressWarnings("unchecked")
        Class<S> type = (Class<S>) state.getClass();
        assertThat(codec.decodeState(codec.encodeState(state), type)).isEqualTo(state);
    }

    /** A value for each result type the interfaces declare; null for Void. */
    private static Object sampleOf(Type type) {
        String name = type.getTypeName();
        return switch (name) {
            case "java.lang.Void" -> null;
            case "java.lang.Boolean" -> true;
            case "dev.hearth.game.match.LobbyView" -> COUNTING;
            case "dev.hearth.game.match.MatchView" -> ENDED;
            case "dev.hearth.game.match.Lobby$LobbyJoin" -> new LobbyJoin(LobbyJoin.Outcome.FULL, COUNTING);
            case "dev.hearth.game.match.Match$Shot" -> new Shot(Shot.Outcome.BROKE, "5", 0, ENDED,
                    List.of(new dev.hearth.runtime.edge.SessionRef("Bob", "g1", "hearth.session.b")));
            case "dev.hearth.game.chat.ChannelInfo" -> new ChannelInfo("ooc", 12, 3);
            case "java.util.List<dev.hearth.game.chat.ChatLine>" -> List.of(new ChatLine("Bob", "hi", AT));
            case "java.util.Optional<dev.hearth.game.chat.ChatLine>" -> Optional.of(new ChatLine("Bob", "hi", AT));
            case "java.util.List<dev.hearth.game.match.LobbyView>" -> List.of(COUNTING, LobbyView.empty("yard", 4));
            default -> throw new AssertionError("no sample for " + name + ": add one");
        };
    }

    private static List<Method> allMethods() {
        return List.of(Channel.class, Lobby.class, LobbyBoard.class, Match.class).stream()
                .flatMap(type -> Arrays.stream(type.getMethods()))
                .filter(m -> m.getReturnType() == Future.class)
                .toList();
    }
}
