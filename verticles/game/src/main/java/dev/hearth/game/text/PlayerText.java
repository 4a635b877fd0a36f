package dev.hearth.game.text;

/**
 * Makes text a player typed safe to show to other players. Control characters (ANSI
 * escapes, newlines, tabs, NUL), Unicode line separators and bidirectional controls (overrides, isolates, marks)
 * would let one player forge lines or recolour another player's screen, so each run
 * of them becomes a single space. Unpaired surrogates become U+FFFD so every client
 * decodes the same text.
 */
public final class PlayerText {
    private PlayerText() {
    }

    /** The cleaned text, trimmed; "" for null. */
    public static String clean(String raw) {
        if (raw == null) return "";
        StringBuilder out = new StringBuilder(raw.length());
        boolean inRun = false;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (isUnsafe(cp)) {
                if (!inRun) {
                    // Spaces around a removed run fold into its one space.
                    while (!out.isEmpty() && Character.isWhitespace(out.charAt(out.length() - 1))) out.setLength(out.length() - 1);
                    if (!out.isEmpty()) out.append(' ');
                }
                inRun = true;
                continue;
            }
            if (inRun && Character.isWhitespace(cp)) continue;
            inRun = false;
            // A surrogate on its own is half a character: no client can draw it.
            out.appendCodePoint(cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE ? 0xFFFD : cp);
        }
        return out.toString().strip();
    }

    /** Length as a player counts it: an emoji is one character, not two UTF-16 units. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static boolean isUnsafe(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || cp == 0x200E || cp == 0x200F     // left-to-right and right-to-left marks
                || cp == 0x061C                     // Arabic letter mark
                || (cp >= 0x202A && cp <= 0x202E)   // bidi embeddings and overrides
                || (cp >= 0x2066 && cp <= 0x2069);  // bidi isolates
    }
}
