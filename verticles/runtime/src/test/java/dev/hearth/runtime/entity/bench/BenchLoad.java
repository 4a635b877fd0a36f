package dev.hearth.runtime.entity.bench;

import com.sun.management.OperatingSystemMXBean;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The load shapes and measurements the entity benchmarks share: closed loops (a fixed number
 * of calls in flight), open loops (a fixed offered rate), latencies, and one printed line per
 * scenario with the CPU time this JVM and any other process it names spent per operation.
 */
public final class BenchLoad {
    private static final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Another process whose CPU time a line reports per operation (PostgreSQL, a second node). */
    public record OtherCpu(String column, LongSupplier cpuNanos) {
    }

    private final List<OtherCpu> others;

    public BenchLoad(List<OtherCpu> others) {
        this.others = List.copyOf(others);
    }

    public void printHeader() {
        StringBuilder line = new StringBuilder(String.format("%-52s %12s %12s %12s", "scenario", "operations", "per second", "CPU us/op"));
        for (OtherCpu other : others) line.append(String.format(" %16s", other.column()));
        System.out.println(line);
    }

    /** Runs the work and prints its line; a null name is a warm-up, measured but not printed. */
    public void measure(String name, long operations, Callable<CompletableFuture<Void>> work) throws Exception {
        long cpuBefore = os.getProcessCpuTime();
        long[] othersBefore = others.stream().mapToLong(o -> o.cpuNanos().getAsLong()).toArray();
        long start = System.nanoTime();
        work.call().get(10, TimeUnit.MINUTES);
        long elapsed = System.nanoTime() - start;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        if (name == null) return;
        StringBuilder line = new StringBuilder(String.format("%-52s %12d %12.0f %12.2f", name, operations,
                operations / (elapsed / 1e9), cpu / 1e3 / operations));
        for (int i = 0; i < others.size(); i++) {
            long used = others.get(i).cpuNanos().getAsLong() - othersBefore[i];
            line.append(String.format(" %16.2f", used / 1e3 / operations));
        }
        System.out.println(line);
    }

    /**
     * One open loop per offered rate: two seconds at the rate to warm up (the code paths an
     * open loop takes are compiled then, and queues reach their steady state), then ten
     * seconds measured, printed as a line and its latencies.
     */
    public <T> void openLoops(String name, Vertx vertx, List<T> targets, int[] rates, Function<T, Future<?>> call) throws Exception {
        for (int rate : rates) {
            int warmUp = 2, seconds = 10;
            measure(null, (long) rate * warmUp,
                    () -> openLoop(vertx, targets, rate, warmUp, new Latencies(rate * warmUp), call));
            Latencies latencies = new Latencies(rate * seconds);
            measure(name + ", open loop " + rate + "/s", (long) rate * seconds,
                    () -> openLoop(vertx, targets, rate, seconds, latencies, call));
            latencies.print("  latency from when due");
        }
    }

    /** Keeps {@code inFlight} calls going over the targets until {@code total} have answered. */
    public static <T> CompletableFuture<Void> closedLoop(List<T> targets, long total, int inFlight, Function<T, Future<?>> call) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicLong started = new AtomicLong();
        AtomicLong finished = new AtomicLong();
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            long n = started.getAndIncrement();
            if (n >= total) return;
            call.apply(targets.get((int) (n % targets.size()))).onComplete(ar -> {
                if (ar.failed()) done.completeExceptionally(ar.cause());
                if (finished.incrementAndGet() == total) done.complete(null);
                else next[0].run();
            });
        };
        for (int i = 0; i < inFlight; i++) next[0].run();
        return done;
    }

    /**
     * Offers {@code rate} calls a second for {@code seconds}, whatever the answers do (open
     * loop): a tick every millisecond starts the calls due by then, and each call's latency
     * counts from when it was due, so a stall shows up in the latencies instead of slowing
     * the load down (no coordinated omission).
     */
    public static <T> CompletableFuture<Void> openLoop(Vertx vertx, List<T> targets, int rate, int seconds,
                                                       Latencies latencies, Function<T, Future<?>> call) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        long total = (long) rate * seconds;
        AtomicLong finished = new AtomicLong();
        long[] started = {0};
        vertx.runOnContext(v -> {
            long begin = System.nanoTime();
            vertx.setPeriodic(1, timer -> {
                long due = Math.min(total, (System.nanoTime() - begin) * rate / 1_000_000_000L);
                for (; started[0] < due; started[0]++) {
                    long dueAt = begin + started[0] * 1_000_000_000L / rate;
                    call.apply(targets.get((int) (started[0] % targets.size()))).onComplete(ar -> {
                        latencies.record(System.nanoTime() - dueAt);
                        if (ar.failed()) done.completeExceptionally(ar.cause());
                        if (finished.incrementAndGet() == total) done.complete(null);
                    });
                }
                if (started[0] >= total) vertx.cancelTimer(timer);
            });
        });
        return done;
    }

    /**
     * The embedded PostgreSQL listening on this port: its postmaster and the backends under
     * it. pg_ctl starts the postmaster detached (its parent is init), so it is found by its port.
     */
    public static List<ProcessHandle> postgres(int port) {
        String portFlag = " -p " + port + " ";
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("hearth-test-pg") && c.contains(portFlag)).orElse(false))
                .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()))
                .toList();
    }

    /** CPU time used so far by the embedded PostgreSQL on this port, so a line shows what an operation costs the database. */
    public static long postgresCpuNanos(int port) {
        return postgres(port).stream().mapToLong(BenchLoad::cpuNanosOf).sum();
    }

    /** Moves every thread of a process (and those it starts later) onto these CPUs; nothing when none are given. */
    public static void pin(long pid, String cpus) throws IOException, InterruptedException {
        if (cpus == null || cpus.isBlank()) return;
        Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(pid)).redirectErrorStream(true).start();
        String output = new String(taskset.getInputStream().readAllBytes());
        if (taskset.waitFor() != 0) throw new IOException("taskset -a -p -c " + cpus + " " + pid + " failed: " + output);
    }

    /** The CPU time a process has used so far (0 once it is gone). */
    public static long cpuNanosOf(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** Latencies of completed calls, in microseconds. */
    public static final class Latencies {
        private final long[] micros;
        private final AtomicLong count = new AtomicLong();

        public Latencies(int capacity) {
            micros = new long[capacity];
        }

        public <T> Future<T> time(Future<T> call) {
            long start = System.nanoTime();
            return call.onComplete(ar -> record(System.nanoTime() - start));
        }

        void record(long nanos) {
            int i = (int) count.getAndIncrement();
            if (i < micros.length) micros[i] = nanos / 1000;
        }

        public void print(String what) {
            System.out.printf("%-52s p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms%n", what,
                    percentile(50), percentile(99), percentile(99.9));
        }

        public double percentile(double p) {
            int n = (int) Math.min(count.get(), micros.length);
            long[] sorted = Arrays.copyOf(micros, n);
            Arrays.sort(sorted);
            return sorted[Math.min(n - 1, (int) (n * p / 100.0))] / 1000.0;
        }
    }
}
