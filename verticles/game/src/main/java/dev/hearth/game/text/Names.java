package dev.hearth.game.text;

import java.util.Comparator;
import java.util.Locale;

/** How names are compared and listed: players' names are unique regardless of case. */
public final class Names {
    private Names() {
    }

    /** Names sort as players read them ("bob" between "Alice" and "Carol"), ties stay stable. */
    public static final Comparator<String> ORDER = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    /** The form a name is looked up by: "Alice", "ALICE" and "alice" are one player. */
    public static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether two names name the same one. */
    public static boolean same(String a, String b) {
        return a != null && b != null && key(a).equals(key(b));
    }
}
