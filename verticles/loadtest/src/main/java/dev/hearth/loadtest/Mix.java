package dev.hearth.loadtest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.random.RandomGenerator;

/**
 * How often bots do what: a weight per {@link Action}. Written as a preset, weights, or a
 * preset then weights that change it: {@code default}, {@code say=3,go=5},
 * {@code chat,look=1}. A weight of 0 leaves an action out. Each time a bot acts it picks
 * among the actions that make sense where it is, in proportion to their weights.
 */
record Mix(String name, Map<Action, Double> weights) {
    /** The presets, by name; {@code default} exercises every command the server has. */
    static final Map<String, Map<Action, Double>> PRESETS = Map.of(
            "default", weights("look=3,go=5,say=3,emote=1,tell=1,who=1,inventory=1,get=2,drop=2,give=0.5,chat=2,"
                    + "channels=0.5,lobbies=0.5,join=1,leave=0.2,shoot=8,score=0.5,top=0.5,help=0.2"),
            // Talk: room and channel fan-out.
            "chat", weights("say=6,chat=6,emote=1,look=1,go=1"),
            // Walk the world: room entities activating, arrivals and departures.
            "explore", weights("look=3,go=8,get=2,drop=2,inventory=1"),
            // The barrel game: lobbies fill, matches run, scores land in the leaderboard.
            "match", weights("lobbies=1,join=6,shoot=10,leave=0.5,look=1,score=1,top=1"),
            // Connected and silent, pinging only: how many sockets a gateway holds.
            "idle", Map.of());

    Mix {
        Map<Action, Double> copy = new EnumMap<>(Action.class);
        copy.putAll(weights);
        weights = Collections.unmodifiableMap(copy);
    }

    static Mix parse(String text) {
        String spec = text == null || text.isBlank() ? "default" : text.strip();
        Map<Action, Double> weights = new EnumMap<>(Action.class);
        String[] parts = spec.split(",");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) continue;
            if (!part.contains("=")) {
                Map<Action, Double> preset = PRESETS.get(part);
                if (preset == null) throw new IllegalArgumentException("unknown mix '" + part + "' (presets: " + String.join(", ", PRESETS.keySet().stream().sorted().toList()) + ")");
                if (i != 0) throw new IllegalArgumentException("a preset comes first in a mix: '" + spec + "'");
                weights.putAll(preset);
                continue;
            }
            weights.putAll(weights(part));
        }
        weights.values().removeIf(weight -> weight == 0);
        return new Mix(spec, weights);
    }

    /** The same mix without the actions whose commands the server does not list in its help. */
    Mix onlyCommands(Set<String> commands) {
        Map<Action, Double> kept = new EnumMap<>(Action.class);
        weights.forEach((action, weight) -> {
            if (commands.contains(action.command)) kept.put(action, weight);
        });
        return new Mix(name, kept);
    }

    /** Actions this mix has that {@code other} does not. */
    List<Action> missingFrom(Mix other) {
        List<Action> missing = new ArrayList<>();
        for (Action action : weights.keySet()) {
            if (weights.get(action) > 0 && !other.weights.containsKey(action)) missing.add(action);
        }
        return missing;
    }

    /** Whether bots playing this mix ever do {@code action}. */
    boolean has(Action action) {
        return weights.getOrDefault(action, 0.0) > 0;
    }

    boolean idle() {
        return weights.values().stream().noneMatch(weight -> weight > 0);
    }

    /** A weighted pick among the actions that offer a line now, with that line; empty when none does. */
    Optional<Choice> choose(BotView view, RandomGenerator random) {
        return choose(view, random, Phrases.SHORT);
    }

    /** The same, saying {@code words}. */
    Optional<Choice> choose(BotView view, RandomGenerator random, Phrases words) {
        List<Choice> choices = new ArrayList<>();
        double total = 0;
        for (Map.Entry<Action, Double> entry : weights.entrySet()) {
            if (entry.getValue() <= 0) continue;
            Optional<String> line = entry.getKey().line(view, random, words);
            if (line.isPresent()) {
                choices.add(new Choice(entry.getKey(), line.get(), entry.getValue()));
                total += entry.getValue();
            }
        }
        double point = random.nextDouble() * total;
        for (Choice choice : choices) {
            point -= choice.weight();
            if (point < 0) return Optional.of(choice);
        }
        return choices.isEmpty() ? Optional.empty() : Optional.of(choices.getLast());
    }

    /** {@code look=3,go=5,...}: the weights in force. */
    String describe() {
        StringJoiner joiner = new StringJoiner(",");
        weights.forEach((action, weight) -> {
            if (weight > 0) joiner.add(action.command + "=" + (weight == Math.rint(weight) ? String.valueOf(weight.longValue()) : weight));
        });
        return joiner.length() == 0 ? "(idle)" : joiner.toString();
    }

    record Choice(Action action, String line, double weight) {
    }

    private static Map<Action, Double> weights(String text) {
        Map<Action, Double> weights = new EnumMap<>(Action.class);
        for (String part : text.split(",")) {
            String[] pair = part.split("=", 2);
            if (pair.length != 2) throw new IllegalArgumentException("not name=weight: '" + part.strip() + "'");
            Action action = Action.named(pair[0]).orElseThrow(() -> new IllegalArgumentException(
                    "unknown action '" + pair[0].strip() + "' (actions: " + actionNames() + ")"));
            double weight;
            try {
                weight = Double.parseDouble(pair[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("weight of " + action.command + " is not a number: '" + pair[1].strip() + "'");
            }
            if (!(weight >= 0) || Double.isInfinite(weight)) throw new IllegalArgumentException("weight of " + action.command + " must be 0 or more: " + weight);
            weights.put(action, weight);
        }
        return weights;
    }

    private static String actionNames() {
        StringJoiner joiner = new StringJoiner(", ");
        for (Action action : Action.values()) joiner.add(action.command);
        return joiner.toString();
    }
}
