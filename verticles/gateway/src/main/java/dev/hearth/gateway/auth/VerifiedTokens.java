package dev.hearth.gateway.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tokens whose signature has been checked (or that this gateway signed), with whom they
 * speak for, until they expire. Bounded: the least recently used goes first, and a token
 * that is forgotten is only checked again. Only good tokens ever enter, so a forger gains
 * nothing here; a revoked token must be forgotten when revocation comes (issue 6).
 */
final class VerifiedTokens {
    private record Known(PlayerIdentity who, long expiresAtSeconds) {
    }

    private final Map<String, Known> byToken;

    VerifiedTokens(int capacity) {
        this.byToken = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void remember(String token, PlayerIdentity who, long expiresAtSeconds) {
        byToken.put(token, new Known(who, expiresAtSeconds));
    }

    /** Whom the token speaks for, if it is remembered and has not expired at {@code nowSeconds}; else null. */
    synchronized PlayerIdentity identity(String token, long nowSeconds) {
        Known entry = byToken.get(token);
        if (entry == null) return null;
        if (nowSeconds >= entry.expiresAtSeconds) {
            byToken.remove(token);
            return null;
        }
        return entry.who;
    }

    synchronized int size() {
        return byToken.size();
    }
}
