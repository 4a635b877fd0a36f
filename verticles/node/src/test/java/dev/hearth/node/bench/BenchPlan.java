package dev.hearth.node.bench;

import java.util.List;

/**
 * How big each benchmark is. {@link #FULL} is what docs/benchmarks.md reports; {@link #QUICK}
 * runs every scenario in a few minutes with a few hundred bots, to check the suite itself.
 *
 * @param benchRooms      rooms seeded for the bots (20 players each): bounds the players of any run
 * @param gatewayJvm      JVM options of the node players connect to (NMT on, for the memory numbers)
 * @param gameJvm         JVM options of a game node in the split topology
 * @param memorySteps     idle players at which memory is read (a fresh node each)
 * @param capacitySteps   players tried under the capacity mix, on one all node, until p99 passes its bound
 * @param splitSteps      the same on gateway + game node
 * @param capacityMix     the behaviour the capacity is stated for
 * @param thinkMillis     the capacity mix's mean pause between a player's commands
 * @param playSeconds     how long each capacity or round-trip step plays
 * @param warmupSeconds   play before each run's measured part: a freshly started node compiles its hot paths meanwhile
 * @param chatPlayers     players of each chat fan-out series (rooms of 20)
 * @param chatThinks      the pauses tried, per series (shorter: more lines), until p99 passes 250 ms
 * @param bigRoom         players in the one big room
 * @param bigRoomRates    lines per second said in the big room
 * @param chatSeconds     how long each chat step plays
 * @param stormPlayers    players who log in at once in the login storm
 * @param reconnectPlayers players who drop and resume at once
 * @param soakSeconds     the soak's length
 */
record BenchPlan(int benchRooms, List<String> gatewayJvm, List<String> gameJvm, List<Integer> memorySteps, List<Integer> capacitySteps,
                 List<Integer> splitSteps, String capacityMix, int thinkMillis, int playSeconds, int warmupSeconds, List<Integer> chatPlayers,
                 List<List<Integer>> chatThinks, int bigRoom, List<Integer> bigRoomRates, int chatSeconds, int stormPlayers,
                 int reconnectPlayers, int soakSeconds) {

    static final int CAPACITY_P99_MS = 50;
    static final int CHAT_P99_MS = 250;

    /** Speech, looking about and the social commands: no channel chat (every player hears ooc) and no walking (rooms stay at 20). */
    private static final String MIX = "look=3,say=3,emote=1,tell=1,who=1,inventory=1,score=1,help=0.2";
    private static final List<String> NODE_JVM = List.of("-Xms1g", "-Xmx2g", "-XX:NativeMemoryTracking=summary");

    static final BenchPlan FULL = new BenchPlan(1000, NODE_JVM, List.of("-Xms1g", "-Xmx2g"),
            List.of(5_000, 15_000), List.of(5_000, 7_500, 10_000, 12_500, 15_000), List.of(2_500, 5_000, 7_500, 10_000, 12_500),
            MIX, 5_000, 30, 10, List.of(1_000, 5_000),
            List.of(List.of(1_000, 500, 250, 150, 100, 70, 50), List.of(4_000, 2_000, 1_000, 700, 500, 400, 300)),
            500, List.of(2, 5, 10, 20), 15, 5_000, 10_000, 600);

    static final BenchPlan QUICK = new BenchPlan(60, NODE_JVM, List.of("-Xmx512m"),
            List.of(100, 300), List.of(100, 300), List.of(100, 300),
            MIX, 2_000, 8, 2, List.of(100, 200),
            List.of(List.of(1_000, 250), List.of(1_000, 500)),
            100, List.of(2, 10), 6, 200, 300, 30);
}
