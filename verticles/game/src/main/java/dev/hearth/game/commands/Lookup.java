package dev.hearth.game.commands;

import dev.hearth.game.text.NearMisses;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds what a player means by a phrase among things of the world (items, players,
 * exits), each known by a few words, and what they might have meant when nothing matches.
 */
final class Lookup {
    private static final List<String> ARTICLES = List.of("the ", "a ", "an ", "some ", "my ");

    private Lookup() {
    }

    /** The phrase as compared: lower case, without a leading article ("the lantern" is "lantern"). */
    static String phrase(String typed) {
        String phrase = typed.strip().toLowerCase(Locale.ROOT);
        for (String article : ARTICLES) {
            if (phrase.startsWith(article) && phrase.length() > article.length()) return phrase.substring(article.length()).strip();
        }
        return phrase;
    }

    /** The first candidate one of whose words is the phrase. */
    static <T> Optional<T> find(String typed, Collection<T> candidates, Function<T, List<String>> wordsOf) {
        String phrase = phrase(typed);
        return candidates.stream()
                .filter(c -> wordsOf.apply(c).stream().anyMatch(w -> w.toLowerCase(Locale.ROOT).equals(phrase)))
                .findFirst();
    }

    /** How to name the candidates close to the phrase, closest first. */
    static <T> List<String> nearMisses(String typed, Collection<T> candidates, Function<T, List<String>> wordsOf,
                                       Function<T, String> shownAs) {
        return NearMisses.rank(phrase(typed), candidates, wordsOf).stream()
                .map(match -> shownAs.apply(match.candidate())).distinct().toList();
    }

    /** "'lanter'" as quoted back in a message, shortened when long. */
    static String quoted(String typed) {
        return "'" + NearMisses.abbreviate(typed.strip()) + "'";
    }
}
