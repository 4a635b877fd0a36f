package dev.hearth.gateway.auth;

/**
 * A token we will not accept. The reason is short and safe to show a client
 * ("expired", "bad signature"); details of a forgery are not the client's business.
 */
public final class TokenRejected extends RuntimeException {

    public TokenRejected(String reason) {
        // No stack trace: this is an expected answer, not a bug, and forged tokens can come in floods.
        super(reason, null, false, false);
    }

    public String reason() {
        return getMessage();
    }
}
