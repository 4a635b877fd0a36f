package dev.hearth.node.it.entities;

import dev.hearth.node.config.ConfigLoader;
import dev.hearth.node.it.NodeProcess;
import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.entity.EntityRuntimeOptions;
import dev.hearth.runtime.entity.bench.BenchLoad;
import dev.hearth.runtime.testing.TestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Calls between two nodes in two processes, over the clustered event bus (Hazelcast, TCP on
 * loopback), run by scripts/bench-entities.sh remote-process (not a test: numbers go to
 * docs/benchmarks.md). This JVM is a caller that hosts nothing, as a gateway is; a second
 * JVM ({@link EntityNodeMain}) hosts the counters it reads. Each line gives the CPU time
 * of both processes per call. With BENCH_HOST_CPUS set, the host and the database are pinned
 * to those CPUs (the script pins this JVM with BENCH_CPUS).
 */
public final class RemoteCallBench {
    private static final int TARGETS = 64;

    public static void main(String[] args) throws Exception {
        DatabaseUrl db = TestDatabase.fresh();
        Path work = Files.createTempDirectory("hearth-bench-remote");
        int hostPort = NodeProcess.freePort(), callerPort = NodeProcess.freePort();
        String members = "127.0.0.1:" + hostPort + ",127.0.0.1:" + callerPort;
        try (EntityNode host = EntityNode.start("bench-host", hostPort, members, db, 15, work)) {
            host.awaitUp(Duration.ofSeconds(120));
            // The database serves the host's leases and activations: it runs beside the host, not the caller.
            String hostCpus = System.getenv("BENCH_HOST_CPUS");
            BenchLoad.pin(host.process.pid(), hostCpus);
            for (ProcessHandle pg : BenchLoad.postgres(db.port())) BenchLoad.pin(pg.pid(), hostCpus);
            EntityNodeMain.Joined caller = startCaller(callerPort, members, db);
            try {
                run(caller, ProcessHandle.of(host.process.pid()).orElseThrow());
            } finally {
                caller.close();
            }
        }
    }

    private static void run(EntityNodeMain.Joined caller, ProcessHandle host) throws Exception {
        BenchLoad load = new BenchLoad(List.of(new BenchLoad.OtherCpu("host CPU us/op", () -> BenchLoad.cpuNanosOf(host))));
        List<Counter> targets = new ArrayList<>();
        for (int i = 0; i < TARGETS; i++) {
            Counter counter = caller.runtime().ref(Counter.class, "remote-" + i);
            counter.value().await(); // activated on the host before anything is measured
            targets.add(counter);
        }
        load.printHeader();
        for (int round = 0; round < 3; round++) {
            long calls = 200_000;
            load.measure(round < 2 ? null : "call to another process (256 in flight)", calls,
                    () -> BenchLoad.closedLoop(targets, calls, 256, Counter::value));
        }
        load.openLoops("call to another process", caller.vertx(), targets, new int[]{10_000, 30_000, 50_000}, Counter::value);
    }

    /** A clustered node in this JVM that calls entities and hosts none, as a gateway is. */
    private static EntityNodeMain.Joined startCaller(int clusterPort, String members, DatabaseUrl db) throws Exception {
        Map<String, String> env = new HashMap<>(NodeProcess.env("gateway", clusterPort, members, db, 15));
        env.put("HEARTH_NODE_NAME", "bench-caller");
        EntityNodeMain.Joined caller = EntityNodeMain.Joined.start(ConfigLoader.load(List.of(), env), db,
                List.of(CounterEntity.TYPE), EntityRuntimeOptions.defaults().withHostsEntities(false));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (caller.runtime().liveHosts().isEmpty()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the caller sees no host after 30 s");
            TimeUnit.MILLISECONDS.sleep(50); // a main thread polling with a deadline, not a test
        }
        return caller;
    }
}
