package dev.hearth.node.management;

import io.vertx.core.json.JsonObject;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * The heap as an operator (or a soak benchmark) wants to see it: in use now, committed,
 * and in use right after the last collection of each pool, which is what the live data
 * costs (heap in use now also counts garbage not yet collected). Cheap: MXBean reads only.
 */
public final class MemoryStatus {
    private MemoryStatus() {
    }

    public static JsonObject now() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long afterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            // Eden is empty after a young collection, so the old and survivor pools hold the live data.
            MemoryUsage collected = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (collected != null) afterGc += collected.getUsed();
        }
        return new JsonObject()
                .put("heapUsedBytes", heap.getUsed())
                .put("heapCommittedBytes", heap.getCommitted())
                .put("heapMaxBytes", heap.getMax())
                .put("heapAfterLastGcBytes", afterGc)
                .put("gcCount", ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(gc -> Math.max(0, gc.getCollectionCount())).sum());
    }
}
