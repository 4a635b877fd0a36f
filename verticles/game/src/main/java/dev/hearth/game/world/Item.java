package dev.hearth.game.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A thing in the world: a value, not an entity. It is always in exactly one place, a
 * room's floor or a character's inventory, and moves between them with the runtime's
 * transfers, so it is never in two places nor in none.
 *
 * @param id   unique in the whole world ({@code lantern-1}); two items never share one
 * @param name what players see and type, lower case: "brass lantern"
 */
public record Item(String id, String name, String description) {
    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
    }

    /** What a player may type to mean it: its name, each longer word of it ("lantern"), its id. */
    public List<String> words() {
        List<String> words = new ArrayList<>();
        words.add(name.toLowerCase(Locale.ROOT));
        for (String word : name.toLowerCase(Locale.ROOT).split("\\s+")) {
            // "of" in "loaf of bread" would match every loaf of anything.
            if (word.length() >= 3 && !words.contains(word)) words.add(word);
        }
        words.add(id.toLowerCase(Locale.ROOT));
        return words;
    }
}
