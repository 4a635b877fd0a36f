package dev.hearth.runtime.entity.engine;

/** The entity is active on another node whose lease is alive: the call goes there instead. */
final class Redirect extends RuntimeException {
    final String owner;

    Redirect(String owner) {
        super("active on node " + owner, null, false, false);
        this.owner = owner;
    }
}
