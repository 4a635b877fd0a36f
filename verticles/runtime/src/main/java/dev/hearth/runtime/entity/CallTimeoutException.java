package dev.hearth.runtime.entity;

import java.util.List;

/** No answer in time. The message names the whole call chain, outermost call first. */
public final class CallTimeoutException extends EntityCallException {
    private final List<String> chain;

    public CallTimeoutException(List<String> chain, long timeoutMillis) {
        super("no answer within " + timeoutMillis + " ms: " + String.join(" -> ", chain));
        this.chain = List.copyOf(chain);
    }

    public List<String> chain() {
        return chain;
    }
}
