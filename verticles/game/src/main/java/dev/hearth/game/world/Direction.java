package dev.hearth.game.world;

import java.util.Locale;
import java.util.Optional;

/**
 * The six ways an exit can go on the map. Exits named otherwise ("stairs") say which of
 * these they go, so the map can draw them and players can still type {@code u}.
 */
public enum Direction {
    NORTH("n", 0, -1, 0),
    SOUTH("s", 0, 1, 0),
    EAST("e", 1, 0, 0),
    WEST("w", -1, 0, 0),
    UP("u", 0, 0, 1),
    DOWN("d", 0, 0, -1);

    private final String code;
    private final int dx;
    private final int dy;
    private final int dz;

    Direction(String code, int dx, int dy, int dz) {
        this.code = code;
        this.dx = dx;
        this.dy = dy;
        this.dz = dz;
    }

    /** One letter, as on the wire and as a shortcut: {@code n}. */
    public String code() {
        return code;
    }

    /** The full word: {@code north}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Direction opposite() {
        return switch (this) {
            case NORTH -> SOUTH;
            case SOUTH -> NORTH;
            case EAST -> WEST;
            case WEST -> EAST;
            case UP -> DOWN;
            case DOWN -> UP;
        };
    }

    /** Where one step this way leads on the grid. */
    public GridPosition from(GridPosition at) {
        return new GridPosition(at.x() + dx, at.y() + dy, at.z() + dz);
    }

    /** {@code n} or {@code north}, in any case. */
    public static Optional<Direction> parse(String word) {
        String typed = word.strip().toLowerCase(Locale.ROOT);
        for (Direction d : values()) {
            if (d.code.equals(typed) || d.word().equals(typed)) return Optional.of(d);
        }
        return Optional.empty();
    }
}
