package dev.hearth.runtime.entity.store;

import dev.hearth.runtime.entity.EntityId;

/**
 * An entity call kept in the store until it is applied: the target, the method's signature
 * (name/arity, as between nodes) and the arguments as the codec encoded them.
 */
public record StoredCall(EntityId target, String method, String argsJson) {
}
