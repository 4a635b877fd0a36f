package dev.hearth.game.chat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The channels there are (table {@code channels}), read once per node at start: their
 * names, descriptions and which ones new players start in. Immutable.
 */
public record ChannelCatalog(List<Listed> channels) {

    /** One row of {@code channels}. @param joinedAtStart new players start as members */
    public record Listed(String name, String description, boolean joinedAtStart) {
    }

    public ChannelCatalog {
        channels = List.copyOf(channels);
    }

    public static ChannelCatalog of(Listed... channels) {
        return new ChannelCatalog(List.of(channels));
    }

    /** The channel a player meant, whatever the case they typed it in. */
    public Optional<Listed> find(String typed) {
        String name = typed.strip().toLowerCase(Locale.ROOT);
        return channels.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return channels.stream().map(Listed::name).toList();
    }

    /** The channels a new player is a member of from the start ({@code ooc} and {@code newbie} as seeded). */
    public List<String> joinedAtStart() {
        return channels.stream().filter(Listed::joinedAtStart).map(Listed::name).toList();
    }
}
