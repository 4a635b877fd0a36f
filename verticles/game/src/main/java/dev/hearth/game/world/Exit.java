package dev.hearth.game.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A way out of a room.
 *
 * @param name what players type and see, lower case: "north", "stairs"
 * @param to   the id of the room it leads to
 * @param dir  which way it goes on the map; null for an exit that goes nowhere the map can draw
 */
public record Exit(String name, String to, Direction dir) {
    public Exit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(to, "to");
        name = name.strip().toLowerCase(Locale.ROOT);
    }

    /** The words that take it: its name, and its direction's word and letter. */
    public List<String> words() {
        List<String> words = new ArrayList<>(List.of(name));
        if (dir != null) {
            if (!words.contains(dir.word())) words.add(dir.word());
            words.add(dir.code());
        }
        return words;
    }
}
