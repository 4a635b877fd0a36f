package dev.hearth.runtime.entity;

/**
 * The entities of the cluster as seen from one node: references and proxies work the same
 * for entities active here, active elsewhere, or not active anywhere yet.
 */
public interface Entities {

    /** A proxy implementing the entity's interface; each call goes wherever the entity is active. */
    <T> T ref(Class<T> type, String key);

    /** A proxy whose calls use these options (a timeout, a command id). */
    <T> T ref(Class<T> type, String key, CallOptions options);

    /** A reference value, to keep in state or pass in calls. */
    <T> Ref<T> refOf(Class<T> type, String key);

    /** This node's id in the cluster (the owner written on the entities it hosts). */
    String nodeId();
}
