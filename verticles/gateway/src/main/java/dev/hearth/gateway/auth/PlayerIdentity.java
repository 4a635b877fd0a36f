package dev.hearth.gateway.auth;

/** Who a token speaks for: the account's id (the JWT subject) and the name as it was registered. */
public record PlayerIdentity(long accountId, String name) {

    public PlayerIdentity {
        if (accountId <= 0) throw new IllegalArgumentException("account id must be positive: " + accountId);
        if (name == null || name.isBlank()) throw new IllegalArgumentException("player name is empty");
    }
}
