package dev.hearth.gateway.accounts;

/** One row of {@code accounts}: the name as registered and its encoded Argon2id hash. */
public record StoredAccount(long id, String name, String passwordHash) {

    /** Leaves the hash out: a leaked hash can be attacked offline, so it stays out of logs. */
    @Override
    public String toString() {
        return "StoredAccount[id=" + id + ", name=" + name + "]";
    }
}
