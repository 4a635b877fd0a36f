package dev.hearth.loadtest;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What bots say ({@code say}, {@code chat}, {@code tell}) and act out ({@code emote}):
 * short phrases, or with {@code --line-bytes B} texts of exactly B bytes of printable ASCII
 * (a phrase, then more phrases, cut to B), so a fan-out benchmark knows its line size. The
 * texts are made once per run; a bot only picks one.
 */
final class Phrases {
    static final List<String> PHRASES = List.of("Hello there!", "Anyone seen the cat?", "Lovely weather today.",
            "Which way to the woods?", "Fancy a match in the arena?", "The bread here is excellent.");
    static final List<String> GESTURES = List.of("waves.", "nods.", "stretches.", "looks around.", "hums a tune.");
    /** The short phrases as they are. */
    static final Phrases SHORT = new Phrases(0);

    private final int bytes;
    private final List<String> said;
    private final List<String> acted;

    private Phrases(int bytes) {
        this.bytes = bytes;
        this.said = PHRASES.stream().map(phrase -> sized(phrase, bytes)).toList();
        this.acted = GESTURES.stream().map(gesture -> sized(gesture, bytes)).toList();
    }

    /** @param bytes the length of every text, 0 for the short phrases */
    static Phrases of(int bytes) {
        return bytes == 0 ? SHORT : new Phrases(bytes);
    }

    int bytes() {
        return bytes;
    }

    String phrase(RandomGenerator random) {
        return said.get(random.nextInt(said.size()));
    }

    String gesture(RandomGenerator random) {
        return acted.get(random.nextInt(acted.size()));
    }

    /**
     * {@code start} and then the phrases in turn, cut to {@code bytes}. The server trims what
     * players say, so the text never ends in a space (that byte becomes a dot); it never
     * starts with one either, nor has two in a row.
     */
    static String sized(String start, int bytes) {
        if (bytes == 0) return start;
        StringBuilder text = new StringBuilder(start);
        for (int i = 0; text.length() < bytes; i++) text.append(' ').append(PHRASES.get(i % PHRASES.size()));
        text.setLength(bytes);
        if (text.charAt(bytes - 1) == ' ') text.setCharAt(bytes - 1, '.');
        return text.toString();
    }
}
