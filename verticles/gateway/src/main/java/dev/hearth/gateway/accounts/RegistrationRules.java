package dev.hearth.gateway.accounts;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What a new account's name and password must be (docs/protocol.md, section 1). */
final class RegistrationRules {
    static final int MIN_PASSWORD_LENGTH = 10;
    static final int MAX_PASSWORD_LENGTH = 128;
    /** ASCII only: names are typed by other players in commands, and look-alike letters would impersonate. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{2,19}");

    /**
     * The most common leaked passwords that are long enough to pass the length rule
     * (shorter ones already fail it). Lower case; compared ignoring case.
     */
    private static final Set<String> WELL_KNOWN_PASSWORDS = Set.of(
            "1234567890", "0123456789", "0987654321", "1234567891", "12345678910", "123456789a",
            "1111111111", "0000000000", "1q2w3e4r5t", "1qaz2wsx3edc", "zaq12wsxcde3", "qwertyuiop",
            "qwerty1234", "qwerty12345", "qwerty123456", "asdfghjkl1", "password12", "password123",
            "password1234", "password!1", "passw0rd123", "p@ssw0rd123", "iloveyou12", "iloveyou123",
            "letmein123", "welcome123", "changeme123", "administrator", "football123", "baseball123",
            "sunshine123", "princess123", "superman123", "dragon1234", "monkey1234", "trustno1234",
            "abcdefghij", "abcd123456", "abc1234567", "aaaaaaaaaa", "correct horse battery staple");

    private RegistrationRules() {
    }

    /** The first rule the pair breaks, if any. */
    static Optional<RuleBroken> check(String name, String password) {
        if (!NAME.matcher(name).matches()) {
            return Optional.of(new RuleBroken("bad_name",
                    "A name is 3 to 20 characters: a letter first, then letters, digits or _."));
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
            return Optional.of(new RuleBroken("weak_password",
                    "A password is " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters long."));
        }
        if (password.equalsIgnoreCase(name)) {
            return Optional.of(new RuleBroken("weak_password", "The password must not be your name."));
        }
        if (WELL_KNOWN_PASSWORDS.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of(new RuleBroken("weak_password", "That password is too well known. Choose another."));
        }
        return Optional.empty();
    }

    /** A stable error code for the client and a sentence for the player. */
    record RuleBroken(String code, String message) {
    }
}
