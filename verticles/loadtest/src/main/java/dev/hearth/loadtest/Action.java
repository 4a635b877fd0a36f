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
    LOOK("look") {
        @Override
        Optional<String> line(BotView view, RandomGenerator random) {
            return Optional.of("look");
        }
    },
    GO("go") {
        @Override
        Optional<String> line(BotView view, RandomGenerator random) {
            if (view.inMatch()) return Optional.empty(); // go is refused in a match
            return pick(view.exits(), random).map(exit -> "go " + exit);
        }
    },
    SAY("say") {
        @Override
        Optional<String> line(BotView view, RandomGenerator random) {
            return Optional.of("say " + phrase(random));
        }
    },
    EMOTE("emote") {
        @Override
        Optional<String> line(BotView view, RandomGenerator random) {
            return pick(GESTURES, random).map(gesture -> "emote " + gesture);
        }
    },
    TELL("tell") {
        @Override
        Optional<String> line(BotView view, RandomGenerator random) {
            return pick(view.others(), random).map(other -> "tell " + other + " " + phrase(random));
        }
    },
    WHO("who") {
        @Override
        Optional<String> line(BotView view, RandomGenerator random) {
            return Optional.of("who");
        }
    },
    INVENTORY("inventory") {
        @Override
        Optional<String> line(BotView view, RandomGenerator random) {
            return Optional.of("inventory");
        }
    },
    GET("get") {
        @Override
        Optional<String> line(BotView view, RandomGenerator random) {
            if (view.inMatch()) return Optional.empty(); // the range's "items" are barrels
            return pick(view.floor(), random).map(item -> "get " + item);
        }
    },
    DROP("drop") {
        @Override
        Optional<String> line(BotView view, RandomGenerator random) {
            if (view.inMatch()) return Optional.empty();
            return pick(view.carried(), random).map(item -> "drop " + item);
        }
    },
    GIVE("give") {
        @Override
        Optional<String> line(BotView view, RandomGenerator random) {
            if (view.inMatch() || view.others().isEmpty()) return Optional.empty();
            return pick(view.carried(), random).flatMap(item -> pick(view.others(), random).map(other -> "give " + item + " to " + other));
        }
    },
    CHAT("chat") {
        @Override
        Optional<String> line(BotView view, RandomGenerator random) {
            // Every player starts in ooc and newbie, and bots never leave them.
            return pick(CHANNEL_NAMES, random).map(channel -> "chat " + channel + " " + phrase(random));
        }
    },
    CHANNELS("channels") {
        @Override
        Optional<String> line(BotView view, RandomGenerator random) {
            return Optional.of("channels");
        }
    },
    LOBBIES("lobbies") {
        @Override
        Optional<String> line(BotView view, RandomGenerator random) {
            return Optional.of("lobbies");
        }
    },
    JOIN("join") {
        @Override
        Optional<String> line(BotView view, RandomGenerator random) {
            if (view.inMatch() || view.inLobby()) return Optional.empty();
            List<String> open = view.lobbies().stream().filter(BotView.LobbySeen::open).map(BotView.LobbySeen::name).toList();
            return pick(open, random).map(lobby -> "join " + lobby);
        }
    },
    LEAVE("leave") {
        @Override
        Optional<String> line(BotView view, RandomGenerator random) {
            return view.inMatch() || view.inLobby() ? Optional.of("leave") : Optional.empty();
        }
    },
    SHOOT("shoot") {
        @Override
        Optional<String> line(BotView view, RandomGenerator random) {
            if (!view.inMatch()) return Optional.empty();
            return pick(view.standing(), random).map(barrel -> "shoot " + barrel);
        }
    },
    SCORE("score") {
        @Override
        Optional<String> line(BotView view, RandomGenerator random) {
            return Optional.of("score");
        }
    },
    TOP("top") {
        @Override
        Optional<String> line(BotView view, RandomGenerator random) {
            return Optional.of("top");
        }
    },
    HELP("help") {
        @Override
        Optional<String> line(BotView view, RandomGenerator random) {
            return Optional.of("help");
        }
    };

    private static final List<String> CHANNEL_NAMES = List.of("ooc", "newbie");
    private static final List<String> GESTURES = List.of("waves.", "nods.", "stretches.", "looks around.", "hums a tune.");
    private static final List<String> PHRASES = List.of("Hello there!", "Anyone seen the cat?", "Lovely weather today.",
            "Which way to the woods?", "Fancy a match in the arena?", "The bread here is excellent.");

    /** The command word, as {@code help} lists it. */
    final String command;

    Action(String command) {
        this.command = command;
    }

    /** The line to send now, or empty when this action makes no sense in what the bot has seen. */
    abstract Optional<String> line(BotView view, RandomGenerator random);

    /** The action a mix names: its command word, in any case. */
    static Optional<Action> named(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        for (Action action : values()) {
            if (action.command.equals(key)) return Optional.of(action);
        }
        return Optional.empty();
    }

    private static String phrase(RandomGenerator random) {
        return PHRASES.get(random.nextInt(PHRASES.size()));
    }

    private static <T> Optional<T> pick(List<T> choices, RandomGenerator random) {
        return choices.isEmpty() ? Optional.empty() : Optional.of(choices.get(random.nextInt(choices.size())));
    }
}
