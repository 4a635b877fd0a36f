package dev.hearth.runtime.entity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How the runtime makes and keeps one kind of entity: its interface, its state record, its
 * implementation's constructor, and its lifecycle choices.
 * <pre>{@code
 * EntityType.of(Barrel.class, BarrelEntity.State.class, BarrelEntity::new)
 *         .initialState(() -> new BarrelEntity.State(0))
 *         .idleAfter(Duration.ofMinutes(5))
 *         .schema(2, v1 -> v1.put("hits", v1.getInteger("damage", 0)))
 * }</pre>
 *
 * @param <T> the entity's interface (every method returns {@code Future})
 * @param <S> its state record
 */
public final class EntityType<T, S> {
    public static final Duration DEFAULT_IDLE_AFTER = Duration.ofMinutes(10);
    /** The schema version of a type that declares none. */
    public static final int FIRST_SCHEMA_VERSION = 1;

    private final Class<T> contract;
    private final Class<S> stateType;
    private final Function<EntityContext<S>, ? extends T> factory;
    private Supplier<S> initialState;
    private Duration idleAfter = DEFAULT_IDLE_AFTER;
    private Duration writeBehind;
    private boolean virtualThreads;
    /** The upgrade at index i makes schema version i + 2 from version i + 1. */
    private final List<StateUpgrade> upgrades = new ArrayList<>();

    private EntityType(Class<T> contract, Class<S> stateType, Function<EntityContext<S>, ? extends T> factory) {
        if (!contract.isInterface()) throw new IllegalArgumentException(contract.getName() + " is not an interface");
        this.contract = contract;
        this.stateType = Objects.requireNonNull(stateType, "stateType");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    public static <T, S> EntityType<T, S> of(Class<T> contract, Class<S> stateType, Function<EntityContext<S>, ? extends T> factory) {
        return new EntityType<>(contract, stateType, factory);
    }

    /** The state of an entity that has never been saved. Without it, state() starts as null. */
    public EntityType<T, S> initialState(Supplier<S> initial) {
        this.initialState = Objects.requireNonNull(initial);
        return this;
    }

    /** An activation no call has reached for this long is saved and deactivated. */
    public EntityType<T, S> idleAfter(Duration idle) {
        if (idle.isNegative() || idle.isZero()) throw new IllegalArgumentException("idleAfter must be positive");
        this.idleAfter = idle;
        return this;
    }

    /**
     * Replies before the change is committed and saves within {@code maxDelay}: for state
     * that is cheap to lose (positions, caches). A crash loses at most that much.
     */
    public EntityType<T, S> writeBehind(Duration maxDelay) {
        if (maxDelay.isNegative() || maxDelay.isZero()) throw new IllegalArgumentException("writeBehind delay must be positive");
        this.writeBehind = maxDelay;
        return this;
    }

    /**
     * Runs the entity's calls on virtual threads, so its methods can be written straight-line:
     * {@code boolean exploded = barrel.onHit().await();}
     */
    public EntityType<T, S> virtualThreads() {
        this.virtualThreads = true;
        return this;
    }

    /**
     * Declares the next schema version of the state and how stored state of the version
     * before it is upgraded, on its JSON. Versions start at {@value #FIRST_SCHEMA_VERSION}
     * and are declared in order: {@code .schema(2, v1 -> ...).schema(3, v2 -> ...)}. An
     * activation applies every upgrade from the stored version on, then decodes; the next
     * save stores the newest version. A node whose code knows only older versions refuses
     * to activate an entity stored at a newer one, rather than overwrite it.
     */
    public EntityType<T, S> schema(int version, StateUpgrade fromPrevious) {
        if (version != schemaVersion() + 1) {
            throw new IllegalArgumentException("schema versions of " + name() + " are declared in order: the next is "
                    + (schemaVersion() + 1) + ", not " + version);
        }
        upgrades.add(Objects.requireNonNull(fromPrevious, "fromPrevious"));
        return this;
    }

    public String name() {
        return EntityName.Of.type(contract);
    }

    public Class<T> contract() {
        return contract;
    }

    public Class<S> stateType() {
        return stateType;
    }

    public T create(EntityContext<S> context) {
        return factory.apply(context);
    }

    public S initialState() {
        return initialState == null ? null : initialState.get();
    }

    public Duration idleAfter() {
        return idleAfter;
    }

    /** The longest a change waits before it is saved, or null when replies wait for commits. */
    public Duration writeBehind() {
        return writeBehind;
    }

    public boolean virtualThreadsEnabled() {
        return virtualThreads;
    }

    /** The version of the state this code writes: the last one declared with {@link #schema}. */
    public int schemaVersion() {
        return FIRST_SCHEMA_VERSION + upgrades.size();
    }

    /** The upgrade that makes {@code version} from the version before it. */
    public StateUpgrade upgradeTo(int version) {
        if (version <= FIRST_SCHEMA_VERSION || version > schemaVersion()) {
            throw new IllegalArgumentException(name() + " has no upgrade to schema version " + version);
        }
        return upgrades.get(version - FIRST_SCHEMA_VERSION - 1);
    }
}
