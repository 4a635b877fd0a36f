package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.CallOptions;
import dev.hearth.runtime.entity.CallTimeoutException;
import dev.hearth.runtime.entity.Entities;
import dev.hearth.runtime.entity.EntityCallException;
import dev.hearth.runtime.entity.EntityFailedException;
import dev.hearth.runtime.entity.EntityId;
import dev.hearth.runtime.entity.EntityName;
import dev.hearth.runtime.entity.EntityRuntimeOptions;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.EntityUnavailableException;
import dev.hearth.runtime.entity.Ref;
import dev.hearth.runtime.entity.RefBinder;
import dev.hearth.runtime.entity.codec.EntityCodec;
import dev.hearth.runtime.entity.store.ClaimedReminder;
import dev.hearth.runtime.entity.store.DueTransfer;
import dev.hearth.runtime.entity.store.EntityStore;
import dev.hearth.runtime.entity.store.StoredCall;
import dev.hearth.runtime.entity.engine.Invocation.TransferMode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.shareddata.AsyncMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The entity runtime of one node. Places, activates and calls entities; receives calls from
 * other nodes on one event-bus address; keeps the node's lease; groups commits.
 *
 * <p>Routing, in order: an activation on this node; the node this one last saw the entity
 * on (kept locally, and in a Hazelcast map for the others); else the placement by key over
 * the nodes with live leases. PostgreSQL has the last word: a claim while another live node
 * owns the entity is refused and the call follows it there. Due reminders become calls
 * routed the same way.
 *
 * <p>A node that {@link #drain drains} takes no new activations, hands over the ones it has,
 * and sends the calls that still reach it on to where their entities are placed now.
 */
public final class EntityRuntime implements Entities, RefBinder {
    private static final Logger log = LoggerFactory.getLogger(EntityRuntime.class);
    private static final String ADDRESS_PREFIX = "hearth.entities.";
    private static final String WHERE_MAP = "hearth.entities.where";
    /** Routes to entities active elsewhere kept at most; about 100 bytes each. */
    private static final int MAX_ROUTES = 200_000;
    private static final int MAX_HOPS = 3;
    private static final long RETRY_MILLIS = 200;
    /**
     * How long applied command ids are kept. Clients retry within seconds, and a transfer is
     * delivered again only while its row exists (its command id lands as the row goes), so an
     * hour is ample; pruned every minute, a little at a time.
     */
    private static final Duration COMMANDS_KEPT = Duration.ofHours(1);
    private static final long PRUNE_EVERY_MILLIS = 60_000;
    // Failure codes of a remote call.
    private static final int FAILED = 500;
    private static final int UNAVAILABLE = 503;
    private static final int TIMED_OUT = 504;
    private static final int REDIRECT = 307;

    private final VertxInternal vertx;
    private final EntityStore store;
    private final EntityRuntimeOptions options;
    private final String nodeId;
    private final EntityCodec codec;
    private final Map<Class<?>, TypeInfo> typesByContract = new HashMap<>();
    private final Map<String, TypeInfo> typesByName = new HashMap<>();
    private final ConcurrentHashMap<EntityId, Activation> active = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<EntityId, String> routes = new ConcurrentHashMap<>();
    private final Deadlines deadlines = new Deadlines();
    private final ContextInternal[] homes;
    /** One timer wheel per home, so per event loop. */
    private final TimerWheel[] wheels;
    private final ContextInternal context;
    private volatile List<String> liveHosts = List.of();
    private volatile boolean draining;
    private Future<Void> drained;
    private Future<Void> closed;
    /** When the store marked this node's lease draining; 0 until then. */
    private volatile long markedDrainingNanos;
    private CommitQueue commits;
    private LeaseKeeper lease;
    private DuePoller<ClaimedReminder> reminders;
    private DuePoller<DueTransfer> transfers;
    private MessageConsumer<Buffer> consumer;
    private AsyncMap<String, String> where;
    private final List<Long> timers = new ArrayList<>();

    private EntityRuntime(Vertx vertx, EntityStore store, Collection<EntityType<?, ?>> types, EntityRuntimeOptions options) {
        this.vertx = (VertxInternal) vertx;
        this.store = store;
        this.options = options;
        this.nodeId = options.nodeId() != null ? options.nodeId()
                : this.vertx.isClustered() ? this.vertx.clusterManager().getNodeId() : UUID.randomUUID().toString();
        for (EntityType<?, ?> type : types) {
            TypeInfo info = new TypeInfo(type);
            if (typesByName.putIfAbsent(info.name, info) != null) {
                throw new IllegalArgumentException("two entity types are named '" + info.name + "': use @EntityName");
            }
            typesByContract.put(type.contract(), info);
        }
        this.codec = options.codec().apply(this);
        // Activations spread over the event loops: one context per loop, chosen by key.
        int loops = Math.max(1, Runtime.getRuntime().availableProcessors() * 2);
        this.homes = new ContextInternal[loops];
        this.wheels = new TimerWheel[loops];
        for (int i = 0; i < loops; i++) {
            homes[i] = this.vertx.createEventLoopContext();
            wheels[i] = new TimerWheel(homes[i]);
        }
        this.context = this.vertx.createEventLoopContext();
    }

    /** Starts the runtime: with {@code hostsEntities}, opens the lease and listens for calls. */
    public static Future<EntityRuntime> start(Vertx vertx, EntityStore store, Collection<EntityType<?, ?>> types,
                                              EntityRuntimeOptions options) {
        EntityRuntime runtime = new EntityRuntime(vertx, store, types, options);
        return runtime.begin().map(runtime);
    }

    private Future<Void> begin() {
        Promise<Void> started = context.promise();
        context.runOnContext(v -> {
            Future<Void> whereMap = vertx.sharedData().<String, String>getAsyncMap(WHERE_MAP)
                    .onSuccess(map -> where = map).mapEmpty();
            timers.add(vertx.setPeriodic(100, t -> deadlines.sweep(this::timedOut)));
            if (!options.hostsEntities()) {
                timers.add(vertx.setPeriodic(options.renewEvery().toMillis(), t -> refreshHosts()));
                whereMap.compose(x -> store.liveHosts()).onSuccess(hosts -> liveHosts = hosts).<Void>mapEmpty().onComplete(started);
                return;
            }
            commits = new CommitQueue(context, store, nodeId, options.commitWindow(), options.commitMaxBatch(),
                    options.commitGroupsInFlight());
            lease = new LeaseKeeper(vertx, store, nodeId, options.leaseLength(), options.renewEvery(),
                    this::leaseLost, this::hostsRenewed);
            consumer = vertx.eventBus().consumer(ADDRESS_PREFIX + nodeId, this::onRemoteCall);
            timers.add(vertx.setPeriodic(options.idleCheckEvery().toMillis(), t -> deactivateIdle()));
            timers.add(vertx.setPeriodic(PRUNE_EVERY_MILLIS, t -> store.pruneCommands(COMMANDS_KEPT)
                    .onSuccess(pruned -> log.debug("Forgot {} applied commands older than {}", pruned, COMMANDS_KEPT))
                    .onFailure(e -> log.warn("Could not prune applied commands: {}", e.getMessage()))));
            // A claim outlasts the call that does the work, with room to spare.
            Duration claimLease = options.callTimeout().multipliedBy(2);
            reminders = new DuePoller<>(context, "reminders", options.reminderPollEvery(), this::serving,
                    max -> store.claimDueReminders(max, claimLease),
                    claimed -> fireReminder(claimed).compose(fired -> store.reminderFired(claimed)));
            transfers = new DuePoller<>(context, "transfers", options.reminderPollEvery(), this::serving,
                    max -> store.claimDueTransfers(max, claimLease), this::deliverTransfer);
            whereMap.compose(x -> consumer.completion()).compose(x -> lease.open())
                    .onSuccess(x -> reminders.start())
                    .onSuccess(x -> transfers.start())
                    .onSuccess(x -> log.info("Entity runtime up on node {} ({} types)", nodeId, typesByName.size()))
                    .onComplete(started);
        });
        return started.future();
    }

    /**
     * Stops taking new activations and hands over every activation this node holds: each
     * finishes the calls it is running (bounded by the call timeout), saves, and is released,
     * and the calls waiting for it go on to its next owner. The lease stays alive, marked
     * draining, so nothing this node still owns can be claimed before it is released; the
     * node only leaves the live hosts, so no new activation is placed here. From then on,
     * calls that reach this node go on to where their entities are placed now; the runtime
     * keeps answering as a caller. Completes once nothing is active here. Idempotent.
     */
    public synchronized Future<Void> drain() {
        if (drained == null) drained = options.hostsEntities() ? startDrain() : Future.succeededFuture();
        return drained;
    }

    /** Whether this node is draining or drained: it takes no new activations. */
    public boolean draining() {
        return draining;
    }

    private Future<Void> startDrain() {
        // Set before any hand-over: no activation starts here from now on.
        draining = true;
        liveHosts = elsewhere(liveHosts);
        Promise<Void> done = context.promise();
        context.runOnContext(v -> {
            long started = System.nanoTime();
            int holding = active.size();
            log.info("Node {} drains: handing over {} activations", nodeId, holding);
            reminders.stop();
            transfers.stop();
            Future<?> marked = lease.drain().onComplete(
                    hosts -> markedDrainingNanos = System.nanoTime(),
                    e -> log.warn("Node {} could not mark its lease draining: {}", nodeId, e.getMessage()));
            Future.join(marked, handOverAll())
                    .onComplete(x -> log.info("Node {} drained: {} activations handed over in {} ms", nodeId, holding,
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)))
                    .<Void>mapEmpty().onComplete(ar -> done.complete());
        });
        return done.future();
    }

    /** Rounds until nothing is active: an activation that started just as the drain began is caught by the next. */
    private Future<Void> handOverAll() {
        List<Activation> holding = List.copyOf(active.values());
        if (holding.isEmpty()) return Future.succeededFuture();
        return Future.join(holding.stream().map(this::handOver).toList()).transform(x -> handOverAll());
    }

    private Future<Void> handOver(Activation activation) {
        // A call that never answers holds its turn; past the bound the activation is dropped
        // unsaved, which loses nothing acknowledged.
        return leave(activation).timeout(options.callTimeout().toMillis(), TimeUnit.MILLISECONDS).recover(e -> {
            Promise<Void> dropped = Promise.promise();
            activation.home.runOnContext(x -> {
                activation.abandon(new EntityUnavailableException("node " + nodeId + " is stopping"));
                dropped.complete();
            });
            return dropped.future();
        });
    }

    /**
     * Drains, then stops listening and ends the lease. Idempotent.
     *
     * <p>Other nodes learn of the drain when they next read the live hosts (every
     * {@code renewEvery}); until then they may still place entities here. So the node keeps
     * sending calls on until a renewal period has passed since its lease was marked: a call
     * that found nobody listening would have to retry until its caller's next renewal.
     */
    public synchronized Future<Void> close() {
        if (closed == null) closed = drain().compose(v -> lingerForRenewals()).transform(x -> stop());
        return closed;
    }

    private Future<Void> lingerForRenewals() {
        long renewal = options.renewEvery().toNanos();
        long left = markedDrainingNanos + renewal + renewal / 10 - System.nanoTime();
        // Nothing to wait for when the mark failed, or no other node could take the calls.
        if (markedDrainingNanos == 0 || liveHosts.isEmpty() || left <= 0) return Future.succeededFuture();
        return vertx.timer(TimeUnit.NANOSECONDS.toMillis(left) + 1).mapEmpty();
    }

    private Future<Void> stop() {
        Promise<Void> stopped = context.promise();
        context.runOnContext(v -> {
            timers.forEach(vertx::cancelTimer);
            Future<Void> unregistered = consumer == null ? Future.succeededFuture() : consumer.unregister();
            unregistered.transform(x -> lease == null ? Future.succeededFuture() : lease.close())
                    .<Void>mapEmpty().onComplete(stopped);
        });
        return stopped.future();
    }

    // --- Entities ---

    @Override
    public <T> T ref(Class<T> type, String key) {
        return ref(type, key, CallOptions.DEFAULTS);
    }

    @Override
    public <T> T ref(Class<T> type, String key, CallOptions callOptions) {
        TypeInfo info = typeOf(type);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                new ProxyHandler(this, info, new EntityId(info.name, key), callOptions)));
    }

    @Override
    public <T> Ref<T> refOf(Class<T> type, String key) {
        typeOf(type);
        return new Ref<>(type, key, this);
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    // --- RefBinder, for the codec ---

    @Override
    public <T> T proxy(Class<T> type, String key) {
        return ref(type, key);
    }

    @Override
    public Optional<EntityId> idOfProxy(Object candidate) {
        ProxyHandler handler = ProxyHandler.of(candidate);
        return handler == null ? Optional.empty() : Optional.of(handler.id);
    }

    @Override
    public Optional<Class<?>> typeNamed(String name) {
        TypeInfo info = typesByName.get(name);
        return info == null ? Optional.empty() : Optional.of(info.type.contract());
    }

    /** Saves and deactivates the entity if it is active here; its next call activates it again. */
    public Future<Void> deactivate(EntityId id) {
        Activation activation = active.get(id);
        return activation == null ? Future.succeededFuture() : leave(activation);
    }

    private static Future<Void> leave(Activation activation) {
        Promise<Void> left = Promise.promise();
        activation.home.runOnContext(v -> activation.deactivate().onComplete(left));
        return left.future();
    }

    /** How many entities are active on this node now. */
    public int activeCount() {
        return active.size();
    }

    /** The entities active on this node now. */
    public Set<EntityId> activeIds() {
        return Set.copyOf(active.keySet());
    }

    /**
     * The context this entity's calls run on when it is active on this node (event-loop types):
     * code that talks to it a lot can run there and skip the hop between threads.
     */
    public io.vertx.core.Context homeContext(Class<?> type, String key) {
        return homeOf(new EntityId(typeOf(type).name, key));
    }

    /** The nodes with live leases, as of this node's last renewal: where new activations go. */
    public List<String> liveHosts() {
        return liveHosts;
    }

    /** Whether this node holds a live lease and may serve entities. */
    public boolean serving() {
        return lease != null && lease.serving();
    }

    /** The term of this node's lease, for an activation to know the lease it was claimed under. */
    int leaseTerm() {
        return lease == null ? 0 : lease.term();
    }

    /** Whether an activation claimed in that lease term may still answer from memory. */
    boolean serving(int term) {
        return serving() && lease.term() == term;
    }

    // --- calls ---

    Future<Object> invoke(EntityId id, MethodInfo method, Object[] args, CallOptions callOptions) {
        ContextInternal caller = ContextInternal.current();
        CallChain chain = caller == null ? null : EntityContextLocals.CHAIN.get(caller);
        if (chain == null) chain = CallChain.start();
        long timeout = (callOptions.timeout() != null ? callOptions.timeout() : options.callTimeout()).toNanos();
        Promise<Object> reply = caller != null ? caller.promise() : Promise.promise();
        Invocation inv = new Invocation(id, method, args, chain, System.nanoTime() + timeout,
                callOptions.commandId(), TransferMode.NONE, reply, false);
        dispatch(inv);
        deadlines.watch(inv);
        return reply.future();
    }

    /**
     * Delivers a stored transfer as a command under its id, wherever the receiver is; it is
     * settled by the receiver's save. From the sender once its change commits, or from the
     * poller when it came due again.
     */
    private Future<Object> deliverTransfer(DueTransfer due) {
        StoredCall call = due.deliver();
        TypeInfo info = typesByName.get(call.target().type());
        MethodInfo method = info == null ? null : info.method(call.method());
        if (method == null) {
            return Future.failedFuture(new IllegalStateException("node " + nodeId + " has no entity method "
                    + call.target().type() + "." + call.method() + " for transfer " + due.id()));
        }
        Object[] args;
        try {
            args = codec.decodeArguments(Buffer.buffer(call.argsJson()), method.parameterTypes);
        } catch (RuntimeException e) {
            return Future.failedFuture(new IllegalStateException("transfer " + due.id() + " cannot be decoded: " + e.getMessage(), e));
        }
        Promise<Object> reply = context.promise();
        Invocation inv = new Invocation(call.target(), method, args, CallChain.start(),
                System.nanoTime() + options.callTimeout().toNanos(), due.id(),
                due.refundable() ? TransferMode.REFUND_IF_REFUSED : TransferMode.RETRY_IF_REFUSED, reply, false);
        dispatch(inv);
        deadlines.watch(inv);
        return reply.future();
    }

    /** The sender's change committed: deliver its transfers now rather than when they come due. */
    void sendCommitted(List<DueTransfer> sent) {
        for (DueTransfer transfer : sent) {
            deliverTransfer(transfer).onFailure(e -> log.debug("Transfer {} not delivered yet ({}); it is delivered again later",
                    transfer.id(), e.getMessage()));
        }
    }

    /** A refusal turned a transfer into its refund, due now. */
    void refundDue() {
        if (transfers != null) transfers.pollSoon();
    }

    /**
     * How long a transfer's first delivery has before any node delivers it again: a call's
     * full timeout, and a second for the commit before it, so that a slow delivery is seldom doubled.
     */
    Duration transferRetryAfter() {
        return options.callTimeout().plusSeconds(1);
    }

    private void dispatch(Invocation inv) {
        Activation here = active.get(inv.target);
        if (here != null) {
            here.deliver(inv);
            return;
        }
        String known = routes.get(inv.target);
        if (known != null && isLive(known)) {
            send(inv, known);
        } else if (where != null) {
            where.get(inv.target.toString()).onComplete(ar -> {
                String cached = ar.succeeded() ? ar.result() : null;
                send(inv, cached != null && isLive(cached) ? cached : placement(inv.target));
            });
        } else {
            send(inv, placement(inv.target));
        }
    }

    /** A call that reached a departed activation, or waited on one that left: route it afresh. */
    void dispatchAgain(Invocation inv) {
        if (inv.remote) serveHere(inv);
        else dispatch(inv);
    }

    private void send(Invocation inv, String node) {
        if (node.equals(nodeId)) serveHere(inv);
        else sendRemote(inv, node);
    }

    /** Serves the call on this node, activating the entity if needed. */
    private void serveHere(Invocation inv) {
        if (!options.hostsEntities() || !lease.serving()) {
            inv.reply.tryFail(new EntityUnavailableException("node " + nodeId + " does not serve entities now"));
            return;
        }
        Activation activation = active.get(inv.target);
        if (activation == null) {
            if (draining) {
                handOn(inv);
                return;
            }
            TypeInfo info = typesByName.get(inv.target.type());
            activation = active.computeIfAbsent(inv.target, id -> {
                // Straight-line entities get a virtual-thread context each, so awaiting suspends only them.
                ContextInternal home = info.type.virtualThreadsEnabled() ? vertx.createVirtualThreadContext() : homeOf(id);
                Activation created = new Activation(this, info, id, home);
                created.home.runOnContext(v -> created.start());
                return created;
            });
        }
        activation.deliver(inv);
    }

    /** A draining node activates nothing: the call goes to where the entity is placed without it. */
    private void handOn(Invocation inv) {
        String next = placement(inv.target, elsewhere(liveHosts));
        if (next == null) {
            inv.reply.tryFail(new EntityUnavailableException("node " + nodeId + " is draining and no other node hosts entities"));
        } else if (inv.remote) {
            inv.reply.tryFail(new Redirect(next)); // the caller sends it there itself: one hop, not two
        } else {
            sendRemote(inv, next);
        }
    }

    /** The claim was refused: another live node owns the entity. */
    void redirected(Invocation inv, String owner) {
        remember(inv.target, owner);
        if (inv.remote) inv.reply.tryFail(new Redirect(owner));
        else if (owner.equals(nodeId)) retryLater(inv); // our own older lease: wait for it to lapse
        else sendRemote(inv, owner);
    }

    private void sendRemote(Invocation inv, String node) {
        DeliveryOptions delivery = new DeliveryOptions()
                .setSendTimeout(inv.remainingMillis())
                .addHeader("t", inv.target.type())
                .addHeader("k", inv.target.key())
                .addHeader("m", inv.method.signature)
                .addHeader("c", inv.chain.encode())
                .addHeader("d", Long.toString(inv.remainingMillis()));
        if (inv.commandId != null) delivery.addHeader("i", inv.commandId);
        if (inv.isTransfer()) delivery.addHeader("x", inv.transfer.name());
        Buffer body;
        try {
            body = codec.encodeArguments(inv.args, inv.method.parameterTypes);
        } catch (RuntimeException e) {
            inv.reply.tryFail(new EntityFailedException("arguments of " + inv.frame() + " cannot be encoded: " + e.getMessage()));
            return;
        }
        vertx.eventBus().<Buffer>request(ADDRESS_PREFIX + node, body, delivery).onComplete(ar -> {
            if (ar.succeeded()) {
                remember(inv.target, node);
                try {
                    inv.reply.tryComplete(codec.decode(ar.result().body(), inv.method.resultType));
                } catch (RuntimeException e) {
                    inv.reply.tryFail(new EntityFailedException("result of " + inv.frame() + " cannot be decoded: " + e.getMessage()));
                }
            } else {
                remoteFailed(inv, node, ar.cause());
            }
        });
    }

    /**
     * The entity answered from that node: send its next calls straight there instead of asking
     * the Hazelcast map again (a network round trip from a node that holds none of it). A stale
     * route costs one hop at most: the node redirects to the owner, or the route's node leaves
     * the live hosts. Bounded: past the limit the routes start over, and are learnt again.
     */
    private void remember(EntityId target, String node) {
        if (node.equals(routes.get(target))) return; // the common case: a read, not a write
        if (routes.size() >= MAX_ROUTES) routes.clear();
        routes.put(target, node);
    }

    private void remoteFailed(Invocation inv, String node, Throwable cause) {
        if (!(cause instanceof ReplyException reply)) {
            inv.reply.tryFail(new EntityUnavailableException(inv.frame() + ": " + cause.getMessage()));
            return;
        }
        if (reply.failureType() == ReplyFailure.TIMEOUT) {
            timedOut(inv);
        } else if (reply.failureType() == ReplyFailure.NO_HANDLERS) {
            routes.remove(inv.target, node); // that node is gone: place the entity again, later
            retryLater(inv);
        } else if (reply.failureCode() == REDIRECT && ++inv.hops <= MAX_HOPS) {
            remember(inv.target, reply.getMessage());
            send(inv, reply.getMessage());
        } else if (reply.failureCode() == UNAVAILABLE || reply.failureCode() == REDIRECT) {
            routes.remove(inv.target, node);
            retryLater(inv);
        } else if (reply.failureCode() == TIMED_OUT) {
            timedOut(inv);
        } else {
            inv.reply.tryFail(new EntityFailedException(reply.getMessage()));
        }
    }

    /** Unavailable now (an owner whose lease has not lapsed yet, a node leaving): try again within the deadline. */
    private void retryLater(Invocation inv) {
        if (inv.remainingMillis() <= RETRY_MILLIS) {
            inv.reply.tryFail(new EntityUnavailableException(inv.target + " is unavailable"));
            return;
        }
        vertx.setTimer(RETRY_MILLIS, t -> {
            if (!inv.reply.future().isComplete()) dispatch(inv);
        });
    }

    private void onRemoteCall(Message<Buffer> message) {
        TypeInfo info = typesByName.get(message.headers().get("t"));
        MethodInfo method = info == null ? null : info.method(message.headers().get("m"));
        if (method == null) {
            message.fail(FAILED, "no entity method " + message.headers().get("t") + "." + message.headers().get("m") + " on node " + nodeId);
            return;
        }
        Object[] args;
        EntityId id;
        try {
            id = new EntityId(info.name, message.headers().get("k"));
            args = codec.decodeArguments(message.body(), method.parameterTypes);
        } catch (RuntimeException e) {
            message.fail(FAILED, "malformed call of " + info.name + "." + method.signature + ": " + e.getMessage());
            return;
        }
        // The caller's remaining time is ours: no work for an answer nobody waits for.
        long remaining = parseMillis(message.headers().get("d"), options.callTimeout().toMillis());
        Promise<Object> reply = Promise.promise();
        Invocation inv = new Invocation(id, method, args, CallChain.decode(message.headers().get("c")),
                System.nanoTime() + remaining * 1_000_000, message.headers().get("i"),
                transferMode(message.headers().get("x")), reply, true);
        reply.future().onComplete(ar -> {
            if (ar.succeeded()) {
                try {
                    message.reply(codec.encode(ar.result(), method.resultType));
                } catch (RuntimeException e) {
                    message.fail(FAILED, "result of " + inv.frame() + " cannot be encoded: " + e.getMessage());
                }
            } else if (ar.cause() instanceof Redirect redirect) {
                message.fail(REDIRECT, redirect.owner);
            } else if (ar.cause() instanceof EntityUnavailableException) {
                message.fail(UNAVAILABLE, ar.cause().getMessage());
            } else if (ar.cause() instanceof CallTimeoutException) {
                message.fail(TIMED_OUT, ar.cause().getMessage());
            } else {
                message.fail(FAILED, ar.cause().getMessage());
            }
        });
        serveHere(inv);
    }

    private static TransferMode transferMode(String header) {
        if (header == null) return TransferMode.NONE;
        try {
            return TransferMode.valueOf(header);
        } catch (IllegalArgumentException e) {
            return TransferMode.NONE;
        }
    }

    private static long parseMillis(String text, long fallback) {
        try {
            return text == null ? fallback : Math.max(1, Math.min(Long.parseLong(text), fallback * 10));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    // --- for activations ---

    EntityStore store() {
        return store;
    }

    EntityCodec codec() {
        return codec;
    }

    CommitQueue commits() {
        return commits;
    }

    Duration callTimeout() {
        return options.callTimeout();
    }

    /** The timer wheel of the event loop the entity's home (or, on virtual threads, its key) maps to. */
    TimerWheel wheelOf(EntityId id) {
        return wheels[homeIndex(id)];
    }

    InstantSource clock() {
        return options.clock();
    }

    void announce(Activation activation) {
        routes.remove(activation.id);
        if (where != null) where.put(activation.id.toString(), nodeId);
    }

    void removed(Activation activation) {
        if (active.remove(activation.id, activation) && where != null) {
            where.removeIfPresent(activation.id.toString(), nodeId);
        }
    }

    void timedOut(Invocation inv) {
        List<String> chain = new ArrayList<>(inv.chain.frames());
        chain.add(inv.frame());
        inv.reply.tryFail(new CallTimeoutException(chain, inv.timeoutMillis));
    }

    EntityCallException failure(Invocation inv, Throwable cause) {
        if (cause instanceof EntityCallException known) return known;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new EntityFailedException(inv.frame() + " failed: " + message);
    }

    String encodeResult(MethodInfo method, Object result) {
        return codec.encode(result, method.resultType).toString();
    }

    // --- placement, hosts, lease ---

    private String placement(EntityId id) {
        List<String> hosts = liveHosts;
        if (hosts.isEmpty()) return options.hostsEntities() ? nodeId : "";
        return placement(id, hosts);
    }

    /** Rendezvous hashing over live hosts: a node that joins takes only new activations. Null when there are none. */
    private static String placement(EntityId id, List<String> hosts) {
        String best = null;
        long bestScore = Long.MIN_VALUE;
        int idHash = id.hashCode();
        for (String host : hosts) {
            long score = mix(idHash * 31L + host.hashCode());
            if (best == null || score > bestScore) {
                best = host;
                bestScore = score;
            }
        }
        return best;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private boolean isLive(String node) {
        return liveHosts.contains(node);
    }

    private ContextInternal homeOf(EntityId id) {
        return homes[homeIndex(id)];
    }

    private int homeIndex(EntityId id) {
        return Math.floorMod(id.hashCode(), homes.length);
    }

    private void hostsRenewed(List<String> hosts) {
        // A renewal sent before the drain was marked may still list this node.
        liveHosts = draining ? elsewhere(hosts) : hosts;
    }

    private List<String> elsewhere(List<String> hosts) {
        return hosts.contains(nodeId) ? hosts.stream().filter(host -> !host.equals(nodeId)).toList() : hosts;
    }

    private void refreshHosts() {
        store.liveHosts().onSuccess(hosts -> liveHosts = hosts);
    }

    private void leaseLost() {
        for (Activation activation : List.copyOf(active.values())) {
            activation.home.runOnContext(v -> activation.abandon(
                    new EntityUnavailableException("node " + nodeId + " lost its lease")));
        }
    }

    /**
     * Saves and deactivates the activations no call has reached for longer than their type's
     * idle age, measured on the options' clock. Runs every {@code idleCheckEvery}; a test that
     * moves the clock calls it to see the effect at once.
     */
    public Future<Void> deactivateIdle() {
        long now = clock().millis();
        List<Future<Void>> leaving = new ArrayList<>();
        for (Activation activation : active.values()) {
            long idle = activation.info.type.idleAfter().toMillis();
            if (now - activation.lastUsedMillis > idle) {
                Promise<Void> left = Promise.promise();
                activation.home.runOnContext(v -> {
                    if (activation.idleFor(idle)) activation.deactivate().onComplete(left);
                    else left.complete();
                });
                leaving.add(left.future());
            }
        }
        return Future.join(leaving).mapEmpty();
    }

    /** A claimed reminder is due: call the entity's {@code onReminder}, wherever it is. */
    private Future<?> fireReminder(ClaimedReminder claimed) {
        EntityId id = claimed.reminder().id();
        if (!typesByName.containsKey(id.type())) {
            return Future.failedFuture(new IllegalStateException("node " + nodeId + " has no entity type " + id.type()));
        }
        return invoke(id, MethodInfo.REMINDER, new Object[]{claimed.reminder().name()}, CallOptions.DEFAULTS);
    }

    TypeInfo typeOf(Class<?> contract) {
        TypeInfo info = typesByContract.get(contract);
        if (info == null) {
            throw new IllegalArgumentException(contract.getName() + " is not a registered entity type (" + EntityName.Of.type(contract) + ")");
        }
        return info;
    }

    /** Types registered here, by stored name; for tools and tests. */
    public Set<String> typeNames() {
        return typesByName.keySet();
    }
}
