package dev.hearth.loadtest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One thing a bot can do, as the command line a player would type (docs/protocol.md,
 * "In-game commands"). An action that makes no sense in what the bot has seen (no exit to
 * take, nothing carried, no match on) offers no line, and the bot picks another.
 */
enum Action {
    LOOK("look"),
    // go is refused in a match
    GO("go", (view, random, words) -> view.inMatch() ? Optional.empty() : pick(view.exits(), random).map(exit -> "go " + exit)),
    SAY("say", (view, random, words) -> Optional.of("say " + words.phrase(random))),
    EMOTE("emote", (view, random, words) -> Optional.of("emote " + words.gesture(random))),
    TELL("tell", (view, random, words) -> pick(view.others(), random).map(other -> "tell " + other + " " + words.phrase(random))),
    WHO("who"),
    INVENTORY("inventory"),
    // The range's "items" are barrels.
    GET("get", (view, random, words) -> view.inMatch() ? Optional.empty() : pick(view.floor(), random).map(item -> "get " + item)),
    DROP("drop", (view, random, words) -> view.inMatch() ? Optional.empty() : pick(view.carried(), random).map(item -> "drop " + item)),
    GIVE("give", (view, random, words) -> view.inMatch() ? Optional.empty()
            : pick(view.carried(), random).flatMap(item -> pick(view.others(), random).map(other -> "give " + item + " to " + other))),
    // Every player starts in ooc and newbie, and bots never leave them.
    CHAT("chat", (view, random, words) -> pick(Channels.JOINED, random).map(channel -> "chat " + channel + " " + words.phrase(random))),
    CHANNELS("channels"),
    LOBBIES("lobbies"),
    JOIN("join", (view, random, words) -> view.inMatch() || view.inLobby() ? Optional.empty()
            : pick(view.lobbies().stream().filter(BotView.LobbySeen::open).map(BotView.LobbySeen::name).toList(), random)
                    .map(lobby -> "join " + lobby)),
    LEAVE("leave", (view, random, words) -> view.inMatch() || view.inLobby() ? Optional.of("leave") : Optional.empty()),
    SHOOT("shoot", (view, random, words) -> view.inMatch() ? pick(view.standing(), random).map(barrel -> "shoot " + barrel) : Optional.empty()),
    SCORE("score"),
    TOP("top"),
    HELP("help");

    /** How an action words itself, given what the bot has seen and what bots say; empty when it makes no sense now. */
    @FunctionalInterface
    interface Line {
        Optional<String> line(BotView view, RandomGenerator random, Phrases words);
    }

    /** The channels bots talk on: a class of its own, so the constants above may use it. */
    private static final class Channels {
        static final List<String> JOINED = List.of("ooc", "newbie");
    }

    /** The command word, as {@code help} lists it. */
    final String command;
    private final Line line;

    /** A command that needs no argument and always makes sense: its line is its word. */
    Action(String command) {
        this(command, (view, random, words) -> Optional.of(command));
    }

    Action(String command, Line line) {
        this.command = command;
        this.line = line;
    }

    /** The line to send now, or empty when this action makes no sense in what the bot has seen. */
    Optional<String> line(BotView view, RandomGenerator random, Phrases words) {
        return line.line(view, random, words);
    }

    /** The same, with the short phrases. */
    Optional<String> line(BotView view, RandomGenerator random) {
        return line(view, random, Phrases.SHORT);
    }

    /** The action a mix names: its command word, in any case. */
    static Optional<Action> named(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        for (Action action : values()) {
            if (action.command.equals(key)) return Optional.of(action);
        }
        return Optional.empty();
    }

    private static <T> Optional<T> pick(List<T> choices, RandomGenerator random) {
        return choices.isEmpty() ? Optional.empty() : Optional.of(choices.get(random.nextInt(choices.size())));
    }
}
