package dev.hearth.runtime.entity;

import dev.hearth.runtime.entity.codec.EntityCodec;
import dev.hearth.runtime.entity.codec.JsonEntityCodec;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How one node runs entities.
 * @param nodeId this node's id; null takes the clustered Vert.x node id (or a random one)
 * @param hostsEntities false on nodes that only call entities (gateways)
 * @param leaseLength how long a node may serve without renewing its lease; kept well under
 *                    failure detection, and what bounds failover after a crash
 * @param renewEvery how often the lease is renewed (a third of its length or less)
 * @param callTimeout a call's timeout unless it sets its own
 * @param commitWindow how long a change waits for others to share its commit
 * @param commitMaxBatch the most changes one commit carries
 * @param commitGroupsInFlight how many group commits may run at once; each entity's changes
 *                             always go to the same one, so they commit in the order made
 * @param idleCheckEvery how often activations are checked for idleness
 * @param reminderPollEvery how often this node looks for due reminders and transfers: how late one may fire
 * @param codec makes the codec for calls between nodes and for state
 * @param clock the time entities live by (how long they have been idle); a test moves it
 *              instead of waiting. Leases and call timeouts keep to the machine's own time.
 */
public record EntityRuntimeOptions(String nodeId, boolean hostsEntities, Duration leaseLength, Duration renewEvery,
                                   Duration callTimeout, Duration commitWindow, int commitMaxBatch,
                                   int commitGroupsInFlight, Duration idleCheckEvery, Duration reminderPollEvery,
                                   Function<RefBinder, EntityCodec> codec, InstantSource clock) {

    public static EntityRuntimeOptions defaults() {
        return new EntityRuntimeOptions(null, true, Duration.ofSeconds(3), Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofMillis(2), 500, 2, Duration.ofSeconds(1), Duration.ofSeconds(1),
                JsonEntityCodec::new, InstantSource.system());
    }

    public EntityRuntimeOptions {
        if (renewEvery.compareTo(leaseLength.dividedBy(2)) > 0) {
            throw new IllegalArgumentException("renew the lease at least twice per lease length (" + leaseLength + ")");
        }
        if (commitMaxBatch < 1) throw new IllegalArgumentException("commitMaxBatch must be at least 1");
        if (commitGroupsInFlight < 1) throw new IllegalArgumentException("commitGroupsInFlight must be at least 1");
        Objects.requireNonNull(clock, "clock");
        if (reminderPollEvery.toMillis() < 1) throw new IllegalArgumentException("reminderPollEvery must be at least 1 ms");
    }

    public EntityRuntimeOptions withNodeId(String id) {
        return copy(d -> d.nodeId = id);
    }

    public EntityRuntimeOptions withHostsEntities(boolean hosts) {
        return copy(d -> d.hostsEntities = hosts);
    }

    public EntityRuntimeOptions withLease(Duration length, Duration renew) {
        return copy(d -> {
            d.leaseLength = length;
            d.renewEvery = renew;
        });
    }

    public EntityRuntimeOptions withCallTimeout(Duration timeout) {
        return copy(d -> d.callTimeout = timeout);
    }

    public EntityRuntimeOptions withCommits(Duration window, int maxBatch) {
        return copy(d -> {
            d.commitWindow = window;
            d.commitMaxBatch = maxBatch;
        });
    }

    public EntityRuntimeOptions withCommitGroupsInFlight(int groups) {
        return copy(d -> d.commitGroupsInFlight = groups);
    }

    public EntityRuntimeOptions withIdleCheckEvery(Duration every) {
        return copy(d -> d.idleCheckEvery = every);
    }

    public EntityRuntimeOptions withReminderPollEvery(Duration every) {
        return copy(d -> d.reminderPollEvery = every);
    }

    public EntityRuntimeOptions withCodec(Function<RefBinder, EntityCodec> makeCodec) {
        return copy(d -> d.codec = makeCodec);
    }

    public EntityRuntimeOptions withClock(InstantSource newClock) {
        return copy(d -> d.clock = newClock);
    }

    /** These options with one thing changed, checked again as a whole. */
    private EntityRuntimeOptions copy(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.build();
    }

    /** The options as fields, for the with-methods to change one at a time. */
    private static final class Draft {
        String nodeId;
        boolean hostsEntities;
        Duration leaseLength, renewEvery, callTimeout, commitWindow, idleCheckEvery, reminderPollEvery;
        int commitMaxBatch, commitGroupsInFlight;
        Function<RefBinder, EntityCodec> codec;
        InstantSource clock;

        Draft(EntityRuntimeOptions o) {
            nodeId = o.nodeId;
            hostsEntities = o.hostsEntities;
            leaseLength = o.leaseLength;
            renewEvery = o.renewEvery;
            callTimeout = o.callTimeout;
            commitWindow = o.commitWindow;
            commitMaxBatch = o.commitMaxBatch;
            commitGroupsInFlight = o.commitGroupsInFlight;
            idleCheckEvery = o.idleCheckEvery;
            reminderPollEvery = o.reminderPollEvery;
            codec = o.codec;
            clock = o.clock;
        }

        EntityRuntimeOptions build() {
            return new EntityRuntimeOptions(nodeId, hostsEntities, leaseLength, renewEvery, callTimeout, commitWindow,
                    commitMaxBatch, commitGroupsInFlight, idleCheckEvery, reminderPollEvery, codec, clock);
        }
    }
}
