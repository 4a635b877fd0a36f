package dev.hearth.loadtest;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

    @Test
    void eachSecondOfTheTimelineHasWhatADriverReadsOfIt() {
        RunStats stats = new RunStats();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        Progress progress = new Progress(stats, 3, new PrintStream(text, true), false);
        stats.joined();
        stats.joined();
        stats.entered.increment();
        progress.tick();

        progress.playing(false);
        stats.of(Action.SAY).latency.record(2_000);
        stats.of(Action.SAY).ok.increment();
        stats.deliveries.add(19);
        stats.dropped.increment();
        progress.tick();

        stats.back(System.nanoTime(), 150_000);
        progress.tick();

        JsonObject entering = progress.toJson().getJsonObject(0);
        assertThat(entering.getString("phase")).isEqualTo("entering");
        assertThat(entering.getInteger("connected")).isEqualTo(2);
        assertThat(entering.getLong("entered")).isEqualTo(1);
        JsonObject storm = progress.toJson().getJsonObject(1);
        assertThat(storm.getString("phase")).isEqualTo("reconnecting");
        assertThat(storm.getLong("commands")).isEqualTo(1);
        assertThat(storm.getLong("deliveries")).isEqualTo(19);
        assertThat(storm.getDouble("p50")).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(storm.getDouble("p99")).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.05));
        JsonObject back = progress.toJson().getJsonObject(2);
        assertThat(back.getString("phase")).isEqualTo("playing");
        assertThat(back.getLong("reconnected")).isEqualTo(1);
        assertThat(back.getLong("commands")).isZero();
        assertThat(back.getLong("errors")).isZero();
        assertThat(text.toString()).contains("reconnecting", "entered 1");
    }
}
