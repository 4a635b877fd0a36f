package dev.hearth.runtime.settings;

import java.util.Objects;
import java.util.function.Function;

/**
 * One live setting: a key in the {@code settings} table, its type, its default and
 * the rule a new value must pass. Modules declare their settings as constants and
 * register them with {@link LiveSettings}; operators change rows and every node
 * applies the change within a second.
 *
 * @param parse turns the stored text into a value, or throws {@link IllegalArgumentException}
 *              with a message an operator can act on
 */
public record Setting<T>(String key, String type, T defaultValue, String description, Function<String, T> parse) {

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(defaultValue, "defaultValue");
        if (!key.matches("[a-z][a-z0-9_.]{0,99}")) throw new IllegalArgumentException("bad setting key: " + key);
    }

    /** A whole number in [min, max]. */
    public static Setting<Integer> integer(String key, int defaultValue, int min, int max, String description) {
        return new Setting<>(key, "integer " + min + ".." + max, defaultValue, description,
                text -> parseInteger(text, min, max));
    }

    /** A whole number within min..max, or an exception whose message says what is wrong. */
    public static int parseInteger(String text, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " is outside " + min + ".." + max);
        }
        return value;
    }

    /** Free text of at most maxLength characters. */
    public static Setting<String> text(String key, String defaultValue, int maxLength, String description) {
        return new Setting<>(key, "text up to " + maxLength + " characters", defaultValue, description, text -> {
            if (text.length() > maxLength) {
                throw new IllegalArgumentException("text is " + text.length() + " characters, the limit is " + maxLength);
            }
            return text;
        });
    }

    /** true or false. */
    public static Setting<Boolean> bool(String key, boolean defaultValue, String description) {
        return new Setting<>(key, "boolean", defaultValue, description, text -> switch (text.trim().toLowerCase()) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
        });
    }
}
