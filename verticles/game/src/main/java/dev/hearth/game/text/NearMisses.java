package dev.hearth.game.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What a player probably meant by a word that matched nothing: a command, an exit, an
 * item, a player. One typo away counts for short words, two for longer ones, so "sya"
 * finds "say" and "lanter" finds "lantern", but "x" finds nothing: a single letter is
 * one edit from every other.
 */
public final class NearMisses {
    /** Longer words than this get no suggestions: nobody mistypes "say" as a sentence. */
    public static final int MAX_WORD_TO_SUGGEST_FOR = 32;
    public static final int MAX_SUGGESTIONS = 3;

    private NearMisses() {
    }

    /**
     * @param candidate what was close
     * @param word      the word of it that was closest (a command's alias, an item's noun)
     */
    public record Match<T>(T candidate, String word, int distance) {
    }

    /**
     * The candidates with a word near {@code typed}, closest first (ties in the order given),
     * each once, at most {@link #MAX_SUGGESTIONS}. Words are compared regardless of case.
     */
    public static <T> List<Match<T>> rank(String typed, Collection<T> candidates, Function<T, ? extends Collection<String>> wordsOf) {
        String word = normalize(typed);
        if (word.isEmpty() || word.length() > MAX_WORD_TO_SUGGEST_FOR) return List.of();
        int allowed = word.length() <= 4 ? 1 : 2;
        List<Match<T>> near = new ArrayList<>();
        for (T candidate : candidates) {
            Match<T> best = null;
            for (String option : wordsOf.apply(candidate)) {
                String normalized = normalize(option);
                // Single symbols (' " ?) are one edit from any single letter: never helpful.
                if (normalized.length() < 2) continue;
                int distance = EditDistance.between(word, normalized);
                if (distance > allowed || distance >= word.length()) continue;
                if (best == null || distance < best.distance()) best = new Match<>(candidate, option, distance);
            }
            if (best != null) near.add(best);
        }
        near.sort(Comparator.comparingInt(Match::distance)); // stable: ties keep the order given
        return List.copyOf(near.subList(0, Math.min(MAX_SUGGESTIONS, near.size())));
    }

    /** The words near {@code typed} among {@code words}, closest first. */
    public static List<String> among(String typed, Collection<String> words) {
        return rank(typed, words, List::of).stream().map(Match::word).toList();
    }

    /** "Did you mean 'say'?" or "Did you mean 'say' or 'see'?"; "" for none. */
    public static String didYouMean(List<String> suggestions) {
        List<String> quoted = suggestions.stream().map(s -> "'" + s + "'").toList();
        if (quoted.isEmpty()) return "";
        String list = quoted.size() == 1 ? quoted.getFirst()
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.getLast();
        return "Did you mean " + list + "?";
    }

    /** The sentence with " Did you mean ...?" added when there is something to suggest. */
    public static String withSuggestions(String sentence, List<String> suggestions) {
        String hint = didYouMean(suggestions);
        return hint.isEmpty() ? sentence : sentence + " " + hint;
    }

    /** A word as typed, shortened for quoting in a message so a pasted paragraph is not echoed back. */
    public static String abbreviate(String word) {
        if (word.codePointCount(0, word.length()) <= MAX_WORD_TO_SUGGEST_FOR) return word;
        // Cut by code points so an emoji is never split in half.
        return word.substring(0, word.offsetByCodePoints(0, MAX_WORD_TO_SUGGEST_FOR - 3)) + "...";
    }

    private static String normalize(String word) {
        return word.strip().toLowerCase(Locale.ROOT);
    }
}
