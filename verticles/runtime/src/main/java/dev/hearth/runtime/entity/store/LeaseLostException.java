package dev.hearth.runtime.entity.store;

/** This node's lease expired before it was renewed: it must stop serving its entities. */
public final class LeaseLostException extends RuntimeException {
    public LeaseLostException(String nodeId) {
        super("the lease of node " + nodeId + " has expired; its entities may already be active elsewhere");
    }
}
