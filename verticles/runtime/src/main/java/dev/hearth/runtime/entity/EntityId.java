package dev.hearth.runtime.entity;

/**
 * Names one entity in the whole cluster: its type's name (see {@link EntityName}) and its key.
 * The same id always means the same entity, on any node, before and after restarts.
 */
public record EntityId(String type, String key) {
    public static final int MAX_KEY_LENGTH = 200;

    public EntityId {
        if (type == null || type.isBlank()) throw new IllegalArgumentException("an entity type name is needed");
        if (key == null || key.isEmpty()) throw new IllegalArgumentException("an entity key cannot be empty");
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("entity key is " + key.length() + " characters, the limit is " + MAX_KEY_LENGTH);
        }
    }

    @Override
    public String toString() {
        return type + "/" + key;
    }
}
