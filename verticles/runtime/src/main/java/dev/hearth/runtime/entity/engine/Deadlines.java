package dev.hearth.runtime.entity.engine;

import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Caller-side timeouts without a timer per call: calls still unanswered after dispatch are
 * watched, and one sweep a few times a second fails those past their deadline. Calls that
 * are answered at once (most local calls) are never watched.
 */
final class Deadlines {
    private final ConcurrentLinkedQueue<Invocation> watched = new ConcurrentLinkedQueue<>();

    void watch(Invocation inv) {
        if (!inv.reply.future().isComplete()) watched.add(inv);
    }

    /** Removes answered calls and hands expired ones to {@code onExpired}. */
    void sweep(Consumer<Invocation> onExpired) {
        for (Iterator<Invocation> it = watched.iterator(); it.hasNext(); ) {
            Invocation inv = it.next();
            if (inv.reply.future().isComplete()) {
                it.remove();
            } else if (inv.expired()) {
                it.remove();
                onExpired.accept(inv);
            }
        }
    }
}
