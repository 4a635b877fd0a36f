package dev.hearth.gateway.accounts;

/** Every hashing thread is busy and the queue is full: the caller should retry shortly (HTTP 503). */
public final class HashingBusy extends RuntimeException {

    public HashingBusy(int capacity) {
        // No stack trace: under load this is an expected answer, thrown many times a second.
        super("password hashing is at capacity (" + capacity + " jobs)", null, false, false);
    }
}
