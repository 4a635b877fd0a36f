package dev.hearth.game.npc;

import java.util.List;
import java.util.Objects;

/**
 * A non-player character as the builders wrote it in the npcs table.
 *
 * @param id     its entity key ("cat")
 * @param name   what players see ("Soot")
 * @param home   the room it starts in
 * @param emotes what it does when it stays put, each shown after its name ("washes a paw.")
 * @param roams  the room ids it may wander into; empty for anywhere
 */
public record NpcDefinition(String id, String name, String description, String home, List<String> emotes,
                            List<String> roams) {
    public NpcDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(home, "home");
        description = description == null ? "" : description;
        emotes = List.copyOf(emotes);
        roams = List.copyOf(roams);
    }

    public boolean mayEnter(String roomId) {
        return roams.isEmpty() || roams.contains(roomId);
    }
}
