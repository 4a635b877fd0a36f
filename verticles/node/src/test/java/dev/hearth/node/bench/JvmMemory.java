package dev.hearth.node.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a node process holds, as the memory target counts it: the heap in use right after a
 * full collection, plus native memory (Native Memory Tracking's committed total less the
 * heap's own committed part: thread stacks, metaspace, code, GC structures, Netty's direct
 * buffers). Not RSS, which counts pages the JVM has reserved and not yet returned. Read
 * with jcmd, so the node must run with {@code -XX:NativeMemoryTracking=summary}.
 */
record JvmMemory(long heapAfterGcBytes, long nativeBytes) {
    private static final Pattern HEAP_USED = Pattern.compile("garbage-first heap\\s+total (?:reserved )?\\d+K, (?:committed \\d+K, )?used (\\d+)K");
    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern NMT_HEAP = Pattern.compile("Java Heap \\(reserved=\\d+KB, committed=(\\d+)KB\\)");

    long totalBytes() {
        return heapAfterGcBytes + nativeBytes;
    }

    /** Bytes per player between a baseline (no players) and this (with {@code players}). */
    double perPlayer(JvmMemory baseline, int players) {
        return players == 0 ? 0 : (double) (totalBytes() - baseline.totalBytes()) / players;
    }

    /**
     * Forces a full collection in process {@code pid}, then reads its heap and native memory;
     * what jcmd printed is kept in {@code record} (to see which native categories grew).
     */
    static JvmMemory of(long pid, Path record) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String heap = jcmd(pid, "GC.heap_info");
        String nmt = jcmd(pid, "VM.native_memory", "summary");
        Files.writeString(record, heap + "\n" + nmt);
        long heapUsed = kilobytes(HEAP_USED, heap, "GC.heap_info") * 1024;
        long nmtTotal = kilobytes(NMT_TOTAL, nmt, "VM.native_memory summary") * 1024;
        long nmtHeap = kilobytes(NMT_HEAP, nmt, "VM.native_memory summary") * 1024;
        return new JvmMemory(heapUsed, nmtTotal - nmtHeap);
    }

    private static long kilobytes(Pattern pattern, String output, String command) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) throw new IllegalStateException("Unexpected output of jcmd " + command + " (is NMT on? G1?):\n" + output);
        return Long.parseLong(m.group(1));
    }

    private static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> line = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed for " + pid + ": " + output);
        }
        return output;
    }
}
