package dev.hearth.game.commands;

/**
 * A typed line split into the command word and its arguments. A line that starts with
 * a symbol ({@code 'hello}, {@code ?say}) has that one symbol as its word, so the
 * one-character aliases work with or without a space, as in most MUDs.
 *
 * @param word the command word as typed (case kept, for messages)
 * @param args the rest, trimmed; maybe empty
 */
public record CommandLine(String word, String args) {

    /** @param line a cleaned, trimmed, non-empty line */
    public static CommandLine split(String line) {
        int first = line.codePointAt(0);
        if (!Character.isLetterOrDigit(first)) {
            int end = Character.charCount(first);
            return new CommandLine(line.substring(0, end), line.substring(end).strip());
        }
        int space = 0;
        while (space < line.length() && !Character.isWhitespace(line.charAt(space))) space++;
        return new CommandLine(line.substring(0, space), line.substring(space).strip());
    }
}
