package dev.hearth.node;

import java.util.Locale;

/** What a node does in the cluster. */
public enum Role {
    /** Gateway and game in one process: the default, and all a small game needs. */
    ALL,
    /** Holds player connections (HTTP, bridge); a Hazelcast lite member that hosts no data. */
    GATEWAY,
    /** Hosts the world; players reach it through gateways. */
    GAME;

    public boolean hostsGateway() {
        return this != GAME;
    }

    public boolean hostsGame() {
        return this != GATEWAY;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A role published by another member; empty when absent or unknown to this version. */
    public static java.util.Optional<Role> ofAttribute(String text) {
        try {
            return text == null ? java.util.Optional.empty() : java.util.Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a role (all, gateway, game)");
        }
    }
}
