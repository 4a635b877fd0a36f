package dev.hearth.runtime.edge;

import io.vertx.core.json.JsonObject;

import java.util.Locale;

/** The stable error codes a client sees (docs/protocol.md lists them). */
public enum ErrorCode {
    BAD_TOKEN,
    NOT_AUTHENTICATED,
    ALREADY_AUTHENTICATED,
    BAD_REQUEST,
    TOO_LONG,
    UNKNOWN_COMMAND,
    BAD_ARGUMENTS,
    UNAVAILABLE,
    INTERNAL;

    /** The code as written on the wire: lower snake case. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public JsonObject toJson(String message) {
        return new JsonObject().put("code", wire()).put("message", message);
    }

    public static ErrorCode fromWire(String code) {
        if (code == null) return INTERNAL;
        try {
            return valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return INTERNAL;
        }
    }
}
