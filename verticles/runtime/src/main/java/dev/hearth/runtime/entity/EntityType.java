package dev.hearth.runtime.entity;

import java.time.Duration;
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
 * }</pre>
 *
 * @param <T> the entity's interface (every method returns {@code Future})
 * @param <S> its state record
 */
public final class EntityType<T, S> {
    public static final Duration DEFAULT_IDLE_AFTER = Duration.ofMinutes(10);

    private final Class<T> contract;
    private final Class<S> stateType;
    private final Function<EntityContext<S>, ? extends T> factory;
    private Supplier<S> initialState;
    private Duration idleAfter = DEFAULT_IDLE_AFTER;
    private Duration writeBehind;
    private boolean virtualThreads;

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
}
