package dev.hearth.gateway.accounts;

/** Someone already has this name, in any case (HTTP 409). */
public final class NameTaken extends RuntimeException {
    private final String name;

    public NameTaken(String name) {
        super("name already taken: " + name, null, false, false);
        this.name = name;
    }

    public String name() {
        return name;
    }
}
