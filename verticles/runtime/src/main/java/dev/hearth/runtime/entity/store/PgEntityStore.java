package dev.hearth.runtime.entity.store;

import dev.hearth.runtime.entity.EntityId;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The entity store in PostgreSQL (tables in {@code migrations/V4__entities.sql} and {@code V5__entity_transfers.sql}). Each call
 * is one prepared statement in one round trip, a whole group of saves included, and every
 * lease is compared with the database's clock, never a node's.
 */
public final class PgEntityStore implements EntityStore {

    private static final String LIVE_NODES =
            "SELECT node_id FROM entity_nodes WHERE expires_at > now() AND NOT draining ORDER BY node_id";

    /** An expired row of the same node is an old lease: this one starts anew. */
    private static final String OPEN_LEASE = """
            INSERT INTO entity_nodes AS n (node_id, started_at, expires_at)
            VALUES ($1, now(), now() + $2::bigint * interval '1 millisecond')
            ON CONFLICT (node_id) DO UPDATE
               SET expires_at = EXCLUDED.expires_at,
                   started_at = CASE WHEN n.expires_at > now() THEN n.started_at ELSE now() END
            """;

    /** The outer query sees the table as it was before the update: it lists this node iff it was renewed. */
    private static final String RENEW_LEASE = """
            WITH renewed AS (
                UPDATE entity_nodes SET expires_at = now() + $2::bigint * interval '1 millisecond'
                 WHERE node_id = $1 AND expires_at > now()
                RETURNING node_id
            )
            SELECT EXISTS (SELECT 1 FROM renewed) AS renewed,
                   array(SELECT node_id FROM entity_nodes WHERE expires_at > now() AND NOT draining ORDER BY node_id) AS live
            """;

    private static final String CLOSE_LEASE = "DELETE FROM entity_nodes WHERE node_id = $1";

    /** The lease stays alive, so claims of what the node still owns stay refused; only placement skips it. */
    private static final String DRAIN_LEASE =
            "UPDATE entity_nodes SET draining = true WHERE node_id = $1 AND expires_at > now()";

    /**
     * Claims every entity named by the two arrays that is claimable, in one statement: inserts
     * nothing unless the claimer's lease is alive; takes an existing row only from an owner
     * without one. One entity alone is claimed with arrays of one ({@link ClaimBatches}).
     */
    static final String CLAIM = """
            INSERT INTO entities AS e (type, key, owner, epoch, version, schema_version)
            SELECT c.type, c.key, $1::text, 1, 0, 0
              FROM unnest($2::text[], $3::text[]) AS c(type, key)
             WHERE EXISTS (SELECT 1 FROM entity_nodes WHERE node_id = $1 AND expires_at > now())
            ON CONFLICT (type, key) DO UPDATE
               SET owner = EXCLUDED.owner, epoch = e.epoch + 1, updated_at = now()
             WHERE e.owner IS NULL OR e.owner = EXCLUDED.owner
                OR NOT EXISTS (SELECT 1 FROM entity_nodes WHERE node_id = e.owner AND expires_at > now())
            RETURNING e.type, e.key, e.epoch, e.version, e.schema_version, e.state::text AS state
            """;

    /** Asked when a claim took nothing: a new statement, so it sees a competing claim that committed meanwhile. */
    private static final String WHY_NOT_CLAIMED = """
            SELECT EXISTS (SELECT 1 FROM entity_nodes WHERE node_id = $3 AND expires_at > now()) AS claimer_alive,
                   (SELECT e.owner FROM entities e JOIN entity_nodes n ON n.node_id = e.owner AND n.expires_at > now()
                     WHERE e.type = $1 AND e.key = $2) AS live_owner
            """;

    /**
     * The part of both save statements that writes the states: of the saves ({@code save},
     * with their input positions as {@code ord}) the latest per entity and epoch lands if the
     * row is still this node's at that epoch ({@code landed}).
     */
    private static final String LAND_LATEST = """
            ), latest AS (
                SELECT DISTINCT ON (type, key, epoch) type, key, epoch, schema_version, state,
                       array_agg(ord) OVER (PARTITION BY type, key, epoch) AS ords
                  FROM save
                 ORDER BY type, key, epoch, ord DESC
            ), landed AS (
                UPDATE entities e
                   SET version = e.version + cardinality(l.ords), schema_version = l.schema_version,
                       state = l.state::jsonb, updated_at = now()
                  FROM latest l
                 WHERE e.type = l.type AND e.key = l.key AND e.owner = $1 AND e.epoch = l.epoch
                RETURNING e.type, e.key, e.epoch, l.ords
            """;

    /**
     * One statement for a whole group, each column sent as one array. Saves of one entity at
     * one epoch collapse into the last of them, whose state it ends with, and each counts in
     * the version: the same as applying them one by one, since a save changes neither owner
     * nor epoch. {@code ords} are the input positions (from 1) that landed with a row. At most
     * one epoch per entity matches its row, so no row is updated twice. Command ids, sent
     * transfers ($11..$20, each with the position of its save) and settled transfers land
     * only with a save that landed; a settlement only of a transfer sent to the entity that
     * saved. A refund's id is the transfer's with '/refund' added ({@link Transfer#refundId}).
     */
    private static final String SAVE_ALL = """
            WITH save AS (
                SELECT * FROM unnest($2::text[], $3::text[], $4::bigint[], $5::int[], $6::text[], $7::text[], $8::text[],
                                     $9::text[], $10::bool[])
                    WITH ORDINALITY AS s(type, key, epoch, schema_version, state, command_id, result, settles, accepted, ord)
            """ + LAND_LATEST + """
            ), saved AS (
                SELECT s.* FROM save s JOIN landed USING (type, key, epoch)
            ), commands AS (
                INSERT INTO entity_commands (type, key, command_id, result)
                SELECT type, key, command_id, coalesce(result, 'null')
                  FROM saved
                 WHERE command_id IS NOT NULL
                 ORDER BY ord
                ON CONFLICT DO NOTHING
            ), accepted AS (
                DELETE FROM entity_transfers t USING saved s
                 WHERE t.id = s.settles AND s.accepted AND t.to_type = s.type AND t.to_key = s.key
            ), refunded AS (
                UPDATE entity_transfers t
                   SET id = t.id || '/refund', from_type = t.to_type, from_key = t.to_key,
                       to_type = t.refund_type, to_key = t.refund_key,
                       method = t.refund_method, args = t.refund_args,
                       refund_type = NULL, refund_key = NULL, refund_method = NULL, refund_args = NULL,
                       due_at = now(), attempts = 0
                  FROM saved s
                 WHERE t.id = s.settles AND NOT s.accepted AND t.refund_type IS NOT NULL
                   AND t.to_type = s.type AND t.to_key = s.key
            ), sent AS (
                INSERT INTO entity_transfers (id, from_type, from_key, to_type, to_key, method, args,
                                              refund_type, refund_key, refund_method, refund_args, due_at)
                SELECT x.id, s.type, s.key, x.to_type, x.to_key, x.method, x.args,
                       x.refund_type, x.refund_key, x.refund_method, x.refund_args,
                       now() + x.retry_ms * interval '1 millisecond'
                  FROM unnest($11::bigint[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[],
                              $17::text[], $18::text[], $19::text[], $20::text[], $21::bigint[])
                       AS x(ord, id, to_type, to_key, method, args, refund_type, refund_key, refund_method, refund_args, retry_ms)
                  JOIN saved s ON s.ord = x.ord
            )
            SELECT ords FROM landed
            """;

    /**
     * {@link #SAVE_ALL} for the common group: no command ids, transfers or settlements, so
     * none of their parts. PostgreSQL runs every part of a statement even when its input is
     * empty; this is about half the database's work per save (docs/benchmarks.md).
     */
    private static final String SAVE_STATES = """
            WITH save AS (
                SELECT * FROM unnest($2::text[], $3::text[], $4::bigint[], $5::int[], $6::text[])
                    WITH ORDINALITY AS s(type, key, epoch, schema_version, state, ord)
            """ + LAND_LATEST + """
            )
            SELECT ords FROM landed
            """;

    private static final String RELEASE = """
            UPDATE entities SET owner = NULL, updated_at = now()
             WHERE type = $1 AND key = $2 AND owner = $3 AND epoch = $4
            """;

    private static final String COMMAND_RESULT =
            "SELECT result FROM entity_commands WHERE type = $1 AND key = $2 AND command_id = $3";

    private static final String PRUNE_COMMANDS =
            "DELETE FROM entity_commands WHERE applied_at < now() - $1::bigint * interval '1 millisecond'";

    private static final String SET_REMINDER = """
            INSERT INTO entity_reminders (type, key, name, due_at, period_ms)
            VALUES ($1, $2, $3, now() + $4::bigint * interval '1 millisecond', $5)
            ON CONFLICT (type, key, name) DO UPDATE SET due_at = EXCLUDED.due_at, period_ms = EXCLUDED.period_ms
            """;

    private static final String CANCEL_REMINDER = "DELETE FROM entity_reminders WHERE type = $1 AND key = $2 AND name = $3";

    private static final String REMINDERS =
            "SELECT name, due_at, period_ms FROM entity_reminders WHERE type = $1 AND key = $2 ORDER BY name";

    /**
     * A claim moves each due reminder a lease ahead. SKIP LOCKED lets concurrent claims pass
     * each other's rows instead of waiting, and one that waited on a row re-reads it and
     * finds it no longer due: no reminder is claimed twice.
     */
    private static final String CLAIM_DUE_REMINDERS = """
            WITH due AS (
                SELECT type, key, name, due_at FROM entity_reminders
                 WHERE due_at <= now()
                 ORDER BY due_at
                 LIMIT $1
                   FOR UPDATE SKIP LOCKED
            )
            UPDATE entity_reminders r SET due_at = now() + $2::bigint * interval '1 millisecond'
              FROM due
             WHERE r.type = due.type AND r.key = due.key AND r.name = due.name
            RETURNING r.type, r.key, r.name, due.due_at AS was_due, r.period_ms, r.due_at AS leased_until
            """;

    /** Only while the claim's mark is there: a reminder set again meanwhile stays as set. */
    private static final String FIRED_ONCE =
            "DELETE FROM entity_reminders WHERE type = $1 AND key = $2 AND name = $3 AND due_at = $4::timestamptz";

    /** The first due time on the period's beat after now ($5 was the due time fired). */
    private static final String FIRED_PERIODIC = """
            UPDATE entity_reminders
               SET due_at = $5::timestamptz + ((floor(extract(epoch FROM now() - $5::timestamptz) * 1000 / period_ms) + 1)
                                              * period_ms)::float8 * interval '1 millisecond'
             WHERE type = $1 AND key = $2 AND name = $3 AND due_at = $4::timestamptz
            """;

    /** As with reminders: each due transfer moves a lease ahead, so one node delivers it at a time. */
    private static final String CLAIM_DUE_TRANSFERS = """
            WITH due AS (
                SELECT id FROM entity_transfers
                 WHERE due_at <= now()
                 ORDER BY due_at
                 LIMIT $1
                   FOR UPDATE SKIP LOCKED
            )
            UPDATE entity_transfers t
               SET due_at = now() + $2::bigint * interval '1 millisecond', attempts = t.attempts + 1
              FROM due
             WHERE t.id = due.id
            RETURNING t.id, t.to_type, t.to_key, t.method, t.args, t.refund_type IS NOT NULL AS refundable
            """;

    /** A claim refused by an owner that has just left is tried again, a few times at most. */
    private static final int CLAIM_ATTEMPTS = 3;

    private final Pool pool;
    private final Pool leases;
    private final ClaimBatches claims;

    public PgEntityStore(Pool pool) {
        this(pool, pool);
    }

    /**
     * @param leases where the lease statements run: a pool of their own (one connection is
     *               plenty), so that a renewal never queues behind a burst of claims and saves
     *               long enough for the node to lose its lease
     */
    public PgEntityStore(Pool pool, Pool leases) {
        this.pool = pool;
        this.leases = leases;
        this.claims = new ClaimBatches(pool, (id, nodeId) -> claim(id, nodeId, CLAIM_ATTEMPTS));
    }

    @Override
    public Future<Void> openLease(String nodeId, Duration length) {
        return leases.preparedQuery(OPEN_LEASE).execute(Tuple.of(nodeId, length.toMillis())).mapEmpty();
    }

    @Override
    public Future<List<String>> renewLease(String nodeId, Duration length) {
        return leases.preparedQuery(RENEW_LEASE).execute(Tuple.of(nodeId, length.toMillis())).compose(rows -> {
            Row row = rows.iterator().next();
            if (!row.getBoolean("renewed")) return Future.failedFuture(new LeaseLostException(nodeId));
            return Future.succeededFuture(List.of(row.getArrayOfStrings("live")));
        });
    }

    @Override
    public Future<Void> closeLease(String nodeId) {
        return leases.preparedQuery(CLOSE_LEASE).execute(Tuple.of(nodeId)).mapEmpty();
    }

    @Override
    public Future<Void> drainLease(String nodeId) {
        return leases.preparedQuery(DRAIN_LEASE).execute(Tuple.of(nodeId)).compose(rows -> rows.rowCount() == 1
                ? Future.succeededFuture() : Future.failedFuture(new LeaseLostException(nodeId)));
    }

    @Override
    public Future<List<String>> liveHosts() {
        return pool.preparedQuery(LIVE_NODES).execute().map(rows -> {
            List<String> nodes = new ArrayList<>(rows.size());
            rows.forEach(row -> nodes.add(row.getString(0)));
            return nodes;
        });
    }

    @Override
    public Future<Claim> claim(EntityId id, String nodeId) {
        return claims.claim(id, nodeId);
    }

    private Future<Claim> claim(EntityId id, String nodeId, int attempts) {
        Tuple one = Tuple.tuple().addString(nodeId).addArrayOfString(new String[]{id.type()}).addArrayOfString(new String[]{id.key()});
        return pool.preparedQuery(CLAIM).execute(one).compose(rows -> rows.size() == 1
                ? Future.succeededFuture(claimed(rows.iterator().next()))
                : pool.preparedQuery(WHY_NOT_CLAIMED).execute(Tuple.of(id.type(), id.key(), nodeId))
                        .compose(why -> refused(why, id, nodeId, attempts)));
    }

    /** A row {@link #CLAIM} returned. */
    static Claim claimed(Row row) {
        return new Claim.Claimed(row.getLong("epoch"), row.getLong("version"), row.getInteger("schema_version"),
                row.getString("state"));
    }

    private Future<Claim> refused(RowSet<Row> why, EntityId id, String nodeId, int attempts) {
        Row row = why.iterator().next();
        String owner = row.getString("live_owner");
        if (!row.getBoolean("claimer_alive")) return Future.failedFuture(new LeaseLostException(nodeId));
        if (owner != null && !owner.equals(nodeId)) return Future.succeededFuture(new Claim.Refused(owner));
        // The owner released the entity or lost its lease between the two statements.
        if (attempts > 1) return claim(id, nodeId, attempts - 1);
        return Future.failedFuture(new IllegalStateException("the owner of " + id + " kept changing during a claim by " + nodeId));
    }

    @Override
    public Future<List<Boolean>> saveAll(String nodeId, List<Save> saves) {
        if (saves.isEmpty()) return Future.succeededFuture(List.of());
        int n = saves.size();
        String[] types = new String[n], keys = new String[n], states = new String[n], commandIds = new String[n],
                results = new String[n], settles = new String[n];
        Long[] epochs = new Long[n];
        Integer[] schemaVersions = new Integer[n];
        Boolean[] accepted = new Boolean[n];
        TransferColumns transfers = new TransferColumns();
        for (int i = 0; i < n; i++) {
            Save save = saves.get(i);
            types[i] = save.id().type();
            keys[i] = save.id().key();
            epochs[i] = save.epoch();
            schemaVersions[i] = save.schemaVersion();
            states[i] = save.stateJson();
            commandIds[i] = save.commandId();
            results[i] = save.resultJson();
            settles[i] = save.settles() == null ? null : save.settles().transferId();
            accepted[i] = save.settles() != null && save.settles().accepted();
            for (Transfer transfer : save.transfers()) transfers.add(i + 1, transfer);
        }
        Tuple args = Tuple.tuple().addString(nodeId)
                .addArrayOfString(types).addArrayOfString(keys).addArrayOfLong(epochs).addArrayOfInteger(schemaVersions)
                .addArrayOfString(states);
        boolean statesOnly = transfers.isEmpty() && Arrays.stream(commandIds).allMatch(Objects::isNull)
                && Arrays.stream(settles).allMatch(Objects::isNull);
        if (!statesOnly) {
            args.addArrayOfString(commandIds).addArrayOfString(results).addArrayOfString(settles).addArrayOfBoolean(accepted);
            transfers.addTo(args);
        }
        return pool.preparedQuery(statesOnly ? SAVE_STATES : SAVE_ALL).execute(args).map(rows -> {
            Boolean[] landed = new Boolean[n];
            Arrays.fill(landed, false);
            for (Row row : rows) {
                for (Long ord : row.getArrayOfLongs(0)) landed[(int) (ord - 1)] = true;
            }
            return List.of(landed);
        });
    }

    /** The transfers of a group as one array per column, each row with the position of its save. */
    private static final class TransferColumns {
        private final List<Long> ords = new ArrayList<>();
        private final List<String> ids = new ArrayList<>(), toTypes = new ArrayList<>(), toKeys = new ArrayList<>(),
                methods = new ArrayList<>(), args = new ArrayList<>(), refundTypes = new ArrayList<>(),
                refundKeys = new ArrayList<>(), refundMethods = new ArrayList<>(), refundArgs = new ArrayList<>();
        private final List<Long> retryMillis = new ArrayList<>();

        void add(long ord, Transfer transfer) {
            StoredCall deliver = transfer.deliver(), refund = transfer.refund();
            ords.add(ord);
            ids.add(transfer.id());
            toTypes.add(deliver.target().type());
            toKeys.add(deliver.target().key());
            methods.add(deliver.method());
            args.add(deliver.argsJson());
            refundTypes.add(refund == null ? null : refund.target().type());
            refundKeys.add(refund == null ? null : refund.target().key());
            refundMethods.add(refund == null ? null : refund.method());
            refundArgs.add(refund == null ? null : refund.argsJson());
            retryMillis.add(transfer.retryAfter().toMillis());
        }

        boolean isEmpty() {
            return ords.isEmpty();
        }

        void addTo(Tuple tuple) {
            tuple.addArrayOfLong(ords.toArray(Long[]::new));
            for (List<String> column : List.of(ids, toTypes, toKeys, methods, args, refundTypes, refundKeys, refundMethods, refundArgs)) {
                tuple.addArrayOfString(column.toArray(String[]::new));
            }
            tuple.addArrayOfLong(retryMillis.toArray(Long[]::new));
        }
    }

    @Override
    public Future<Void> release(String nodeId, EntityId id, long epoch) {
        return pool.preparedQuery(RELEASE).execute(Tuple.of(id.type(), id.key(), nodeId, epoch)).mapEmpty();
    }

    @Override
    public Future<Optional<String>> commandResult(EntityId id, String commandId) {
        return pool.preparedQuery(COMMAND_RESULT).execute(Tuple.of(id.type(), id.key(), commandId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
    }

    @Override
    public Future<Integer> pruneCommands(Duration olderThan) {
        return pool.preparedQuery(PRUNE_COMMANDS).execute(Tuple.of(olderThan.toMillis())).map(RowSet::rowCount);
    }

    @Override
    public Future<Void> setReminder(EntityId id, String name, Duration dueIn, Duration period) {
        Tuple args = Tuple.tuple().addString(id.type()).addString(id.key()).addString(name)
                .addLong(dueIn.toMillis()).addLong(period == null ? null : period.toMillis());
        return pool.preparedQuery(SET_REMINDER).execute(args).mapEmpty();
    }

    @Override
    public Future<Void> cancelReminder(EntityId id, String name) {
        return pool.preparedQuery(CANCEL_REMINDER).execute(Tuple.of(id.type(), id.key(), name)).mapEmpty();
    }

    @Override
    public Future<List<Reminder>> reminders(EntityId id) {
        return pool.preparedQuery(REMINDERS).execute(Tuple.of(id.type(), id.key())).map(rows -> {
            List<Reminder> reminders = new ArrayList<>(rows.size());
            for (Row row : rows) {
                reminders.add(new Reminder(id, row.getString("name"), row.getOffsetDateTime("due_at").toInstant(),
                        period(row.getLong("period_ms"))));
            }
            return reminders;
        });
    }

    @Override
    public Future<List<ClaimedReminder>> claimDueReminders(int max, Duration lease) {
        return pool.preparedQuery(CLAIM_DUE_REMINDERS).execute(Tuple.of(max, lease.toMillis())).map(rows -> {
            List<ClaimedReminder> claimed = new ArrayList<>(rows.size());
            for (Row row : rows) {
                Reminder due = new Reminder(new EntityId(row.getString("type"), row.getString("key")), row.getString("name"),
                        row.getOffsetDateTime("was_due").toInstant(), period(row.getLong("period_ms")));
                claimed.add(new ClaimedReminder(due, row.getOffsetDateTime("leased_until").toInstant()));
            }
            // Earliest first, as promised; UPDATE ... RETURNING keeps no order.
            claimed.sort(Comparator.comparing(c -> c.reminder().dueAt()));
            return claimed;
        });
    }

    @Override
    public Future<Void> reminderFired(ClaimedReminder claimed) {
        Reminder reminder = claimed.reminder();
        Tuple args = Tuple.of(reminder.id().type(), reminder.id().key(), reminder.name(), utc(claimed.leasedUntil()));
        if (reminder.period() == null) return pool.preparedQuery(FIRED_ONCE).execute(args).mapEmpty();
        return pool.preparedQuery(FIRED_PERIODIC).execute(args.addOffsetDateTime(utc(reminder.dueAt()))).mapEmpty();
    }

    @Override
    public Future<List<DueTransfer>> claimDueTransfers(int max, Duration lease) {
        return pool.preparedQuery(CLAIM_DUE_TRANSFERS).execute(Tuple.of(max, lease.toMillis())).map(rows -> {
            List<DueTransfer> due = new ArrayList<>(rows.size());
            for (Row row : rows) {
                StoredCall deliver = new StoredCall(new EntityId(row.getString("to_type"), row.getString("to_key")),
                        row.getString("method"), row.getString("args"));
                due.add(new DueTransfer(row.getString("id"), deliver, row.getBoolean("refundable")));
            }
            return due;
        });
    }

    private static Duration period(Long millis) {
        return millis == null ? null : Duration.ofMillis(millis);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
