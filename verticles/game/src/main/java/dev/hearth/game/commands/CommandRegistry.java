package dev.hearth.game.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The commands players can type, found by name or alias regardless of case, with
 * near-miss suggestions for typos. Immutable; built once at start.
 */
public final class CommandRegistry {
    /** Longer words than this get no suggestions: nobody mistypes "say" as a sentence. */
    private static final int MAX_WORD_TO_SUGGEST_FOR = 32;
    private static final int MAX_SUGGESTIONS = 3;

    private final List<Command<?>> commands;
    private final Map<String, Command<?>> byWord = new LinkedHashMap<>();

    /** @throws IllegalArgumentException when two commands claim the same word */
    public CommandRegistry(List<? extends Command<?>> commands) {
        this.commands = List.copyOf(commands);
        for (Command<?> command : this.commands) {
            claim(command.name(), command);
            for (String alias : command.aliases()) claim(alias, command);
        }
    }

    /** The commands in the order they were given (the order {@code help} lists them). */
    public List<Command<?>> all() {
        return commands;
    }

    public Optional<Command<?>> find(String word) {
        return Optional.ofNullable(byWord.get(normalize(word)));
    }

    /**
     * Names of commands the player probably meant, closest first: those one typo away,
     * or two for longer words. Aliases count, but the command's name is what is suggested.
     */
    public List<String> suggest(String word) {
        String typed = normalize(word);
        if (typed.isEmpty() || typed.length() > MAX_WORD_TO_SUGGEST_FOR) return List.of();
        int allowed = typed.length() <= 4 ? 1 : 2;
        Map<String, Integer> best = new LinkedHashMap<>();
        byWord.forEach((candidate, command) -> {
            // Single symbols (' " ?) are one edit from any single letter: never helpful.
            if (candidate.length() < 2) return;
            int distance = EditDistance.between(typed, candidate);
            if (distance <= allowed && distance < typed.length()) {
                best.merge(command.name(), distance, Math::min);
            }
        });
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(best.entrySet());
        ranked.sort(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        return ranked.stream().limit(MAX_SUGGESTIONS).map(Map.Entry::getKey).toList();
    }

    /** "Did you mean 'say'?" for the suggestions, or "" when there are none. */
    String didYouMean(String word) {
        List<String> names = suggest(word).stream().map(n -> "'" + n + "'").toList();
        if (names.isEmpty()) return "";
        String list = names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
        return "Did you mean " + list + "?";
    }

    /**
     * The message for a word that names no command: the opening, near misses if any,
     * and where to look. The word is shortened so a pasted paragraph is not echoed back.
     */
    public String unknown(String opening, String word) {
        StringBuilder message = new StringBuilder(opening.replace("{}", "'" + abbreviate(word) + "'"));
        String suggestion = didYouMean(word);
        if (!suggestion.isEmpty()) message.append(' ').append(suggestion);
        return message.append(" Type 'help' for a list.").toString();
    }

    private static String abbreviate(String word) {
        if (word.codePointCount(0, word.length()) <= MAX_WORD_TO_SUGGEST_FOR) return word;
        // Cut by code points so an emoji is never split in half.
        return word.substring(0, word.offsetByCodePoints(0, MAX_WORD_TO_SUGGEST_FOR - 3)) + "...";
    }

    private void claim(String word, Command<?> command) {
        Command<?> previous = byWord.putIfAbsent(normalize(word), command);
        if (previous != null) {
            throw new IllegalArgumentException("'" + word + "' is claimed by both " + previous.name() + " and " + command.name());
        }
    }

    private static String normalize(String word) {
        return word.strip().toLowerCase(Locale.ROOT);
    }
}
