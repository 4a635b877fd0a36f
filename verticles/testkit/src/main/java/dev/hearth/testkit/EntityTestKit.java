package dev.hearth.testkit;

import dev.hearth.runtime.entity.CallOptions;
import dev.hearth.runtime.entity.Entities;
import dev.hearth.runtime.entity.EntityRuntimeOptions;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.Ref;
import dev.hearth.runtime.entity.codec.EntityCodec;
import dev.hearth.runtime.entity.engine.EntityRuntime;
import dev.hearth.runtime.entity.store.InMemoryEntityStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs entities in a plain unit test: the production engine ({@link EntityRuntime}) as one
 * node, on an in-memory store instead of PostgreSQL and a {@link TestClock} instead of the
 * wall clock. Calls take turns, re-enter along a call chain, answer only once committed and
 * roll back when they fail, exactly as in production. The entities the one under test calls
 * can be replaced by fakes.
 * <pre>{@code
 * try (EntityTestKit kit = new EntityTestKit()) {
 *     kit.register(PlayerEntity.TYPE).fake(Barrel.class, key -> new FakeBarrel(true));
 *     Player bob = kit.ref(Player.class, "bob");
 *     assertThat(kit.await(bob.enterLevel(barrels))).isEqualTo(3);
 * }
 * }</pre>
 * Register types and fakes first: the runtime starts at the first call, lookup or move of
 * the clock, and its types are fixed from then on.
 */
public final class EntityTestKit implements Entities, AutoCloseable {
    /** How long {@link #await(Future)} waits: longer than a call's timeout, so a stuck call fails with the engine's own error. */
    public static final Duration AWAIT_TIMEOUT = Duration.ofSeconds(10);
    /** Shorter than production's default (10 s): a test should fail fast. Set one per call with {@link CallOptions}. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    public static final String NODE_ID = "testkit";

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final TestClock clock = new TestClock();
    // Leases keep to the machine's time: moving the test clock an hour must not expire the node's lease.
    private final InMemoryEntityStore store = new InMemoryEntityStore(InstantSource.system());
    private final EntityRuntimeOptions options = EntityRuntimeOptions.defaults()
            .withNodeId(NODE_ID)
            .withCallTimeout(CALL_TIMEOUT)
            // A long lease, so that a machine slowed by other work cannot make the only node lose it mid-test.
            .withLease(Duration.ofMinutes(1), Duration.ofSeconds(10))
            .withClock(clock);
    private final Map<Class<?>, EntityType<?, ?>> types = new LinkedHashMap<>();
    private final Map<Class<?>, Fake<?>> fakes = new HashMap<>();
    private volatile EntityRuntime runtime;
    /** Decodes committed state for {@link #state}; made with the runtime, which binds the references in it. */
    private volatile EntityCodec codec;
    private boolean closed;

    /** A kit with a Vert.x of its own, closed with the kit. */
    public EntityTestKit() {
        this(Vertx.vertx(), true);
    }

    /** A kit on the caller's Vert.x, which stays open when the kit closes. */
    public EntityTestKit(Vertx vertx) {
        this(vertx, false);
    }

    private EntityTestKit(Vertx vertx, boolean ownsVertx) {
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
    }

    /** The entity types under test, with their real implementations. */
    public synchronized EntityTestKit register(EntityType<?, ?>... entityTypes) {
        for (EntityType<?, ?> type : entityTypes) add(type.contract(), type);
        return this;
    }

    /**
     * Replaces an entity type by a fake: calls to {@code type} reach the object {@code perKey}
     * makes for the called key (once per key, kept for the whole test), through the engine as
     * calls to a real entity would. The same fake for every key: {@code fake(Barrel.class, key -> jammed)}.
     */
    public synchronized <T> EntityTestKit fake(Class<T> type, Function<String, ? extends T> perKey) {
        Fake<T> fake = new Fake<>(type, perKey);
        add(type, fake.entityType());
        fakes.put(type, fake);
        return this;
    }

    private void add(Class<?> contract, EntityType<?, ?> type) {
        ensureOpen();
        if (runtime != null) {
            throw new IllegalStateException("register types and fakes before the first call: the kit's runtime has started");
        }
        if (types.putIfAbsent(contract, type) != null) {
            throw new IllegalArgumentException(contract.getSimpleName() + " is registered or faked already");
        }
    }

    // --- calling entities ---

    @Override
    public <T> T ref(Class<T> type, String key) {
        return runtime().ref(type, key);
    }

    @Override
    public <T> T ref(Class<T> type, String key, CallOptions callOptions) {
        return runtime().ref(type, key, callOptions);
    }

    @Override
    public <T> Ref<T> refOf(Class<T> type, String key) {
        return runtime().refOf(type, key);
    }

    @Override
    public String nodeId() {
        return NODE_ID;
    }

    /**
     * Waits for a future, at most {@link #AWAIT_TIMEOUT}, and gives its result. A failure is
     * thrown as it is (an entity call's {@code EntityFailedException}, {@code CallTimeoutException}...).
     * @throws AssertionError when the future does not complete in time
     */
    public <T> T await(Future<T> future) {
        return await(future, AWAIT_TIMEOUT);
    }

    public <T> T await(Future<T> future, Duration limit) {
        if (Vertx.currentContext() != null) {
            throw new IllegalStateException("kit.await blocks its thread: call it from the test, not from an entity or a Vert.x callback");
        }
        try {
            return future.toCompletionStage().toCompletableFuture().get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw unchecked(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the future did not complete within " + limit.toMillis()
                    + " ms (EntityTestKit.await); pass a longer limit if that much time is expected");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while awaiting a future", e);
        }
    }

    private static RuntimeException unchecked(Throwable failure) {
        if (failure instanceof RuntimeException e) return e;
        if (failure instanceof Error e) throw e;
        return new CompletionException(failure);
    }

    // --- inspecting ---

    /** The calls that reached the fakes of this type so far, in the order they arrived. */
    public List<Call> calls(Class<?> fakedType) {
        Fake<?> fake;
        synchronized (this) {
            fake = fakes.get(fakedType);
        }
        if (fake == null) throw new IllegalArgumentException(fakedType.getSimpleName() + " is not faked: only calls to fakes are recorded");
        return fake.calls();
    }

    /**
     * The entity's state as last committed, decoded as an activation would load it; null when
     * it was never saved. A call that answered has committed (unless its type is write-behind).
     * @param type the registered type ({@code PlayerEntity.TYPE}), which says what the state is
     */
    public <S> S state(EntityType<?, S> type, String key) {
        synchronized (this) {
            if (types.get(type.contract()) != type) {
                throw new IllegalArgumentException(type.name() + " is not registered with this kit (a fake has no state)");
            }
        }
        Ref<?> ref = refOf(type.contract(), key);
        return store.committedState(ref.id()).map(json -> codec.decodeState(json, type.stateType())).orElse(null);
    }

    /**
     * How many saves of the entity have landed so far. A call that changed nothing and had no
     * command id adds none; a call with a command id always adds one (the id is stored with it).
     */
    public long saves(Class<?> type, String key) {
        return store.saves(refOf(type, key).id());
    }

    /** The command ids the entity has applied: a call made with {@link CallOptions#command} is recorded when it commits. */
    public Set<String> commandIds(Class<?> type, String key) {
        return store.commandIds(refOf(type, key).id());
    }

    /** How many entities, fakes included, are active now. */
    public int activeCount() {
        EntityRuntime running = runtime;
        return running == null ? 0 : running.activeCount();
    }

    // --- lifecycle and time ---

    /**
     * Saves and deactivates the entity, as idleness or a draining node would; its next call
     * activates it again from what was committed. Proves the state survives its activation.
     */
    public void deactivate(Class<?> type, String key) {
        await(runtime().deactivate(refOf(type, key).id()));
    }

    /** The runtime's clock. Moved alone, it takes effect at the runtime's next idle check (within a second); see {@link #advance}. */
    public TestClock clock() {
        return clock;
    }

    /**
     * Moves the clock, then lets the runtime act on the new time before returning:
     * activations idle for longer than their type's {@code idleAfter} are saved and deactivated.
     */
    public void advance(Duration by) {
        clock.advance(by);
        await(runtime().deactivateIdle());
    }

    /** Stops the runtime as a graceful node stop does, saving every activation, then the kit's own Vert.x. */
    @Override
    public void close() {
        EntityRuntime running;
        synchronized (this) {
            if (closed) return;
            closed = true;
            running = runtime;
            runtime = null;
        }
        try {
            if (running != null) await(running.close());
        } finally {
            if (ownsVertx) await(vertx.close());
        }
    }

    private EntityRuntime runtime() {
        EntityRuntime running = runtime;
        return running != null ? running : start();
    }

    private synchronized EntityRuntime start() {
        ensureOpen();
        if (runtime == null) {
            EntityRuntime started = await(EntityRuntime.start(vertx, store, List.copyOf(types.values()), options));
            codec = options.codec().apply(started);
            runtime = started;
        }
        return runtime;
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("the test kit is closed");
    }
}
