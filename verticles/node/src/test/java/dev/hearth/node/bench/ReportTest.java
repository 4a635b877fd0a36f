package dev.hearth.node.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The suite's report keeps the hand-written parts of docs/benchmarks.md, and its plots are well-formed SVG. */
class ReportTest {
    @TempDir
    Path dir;

    @Test
    void replacesOnlyWhatLiesBetweenItsMarkers() throws Exception {
        Path md = dir.resolve("benchmarks.md");
        Files.writeString(md, "# Benchmarks\n\nhand-written before\n\n" + Report.BEGIN + "\nold numbers\n" + Report.END + "\n\nhand-written after\n");
        Report report = new Report(md, dir.resolve("bench"), BenchPlan.QUICK, null);
        report.table("t", "A table", "Some text.", new String[]{"a", "b"}, List.<String[]>of(new String[]{"1", "2"}));
        report.chat(1_000, 310_000, 90);
        report.write();
        report.write(); // twice: still one report

        String text = Files.readString(md);
        assertThat(text).startsWith("# Benchmarks\n\nhand-written before\n\n").endsWith("\n\nhand-written after\n")
                .doesNotContain("old numbers").contains("### A table", "| 1 | 2 |", "310,000/s");
        assertThat(text.split(Report.BEGIN, -1)).hasSize(2);
    }

    @Test
    void appendsTheReportToAFileWithoutMarkers() throws Exception {
        Path md = dir.resolve("benchmarks.md");
        Files.writeString(md, "# Benchmarks\n\nearlier numbers\n");
        new Report(md, dir.resolve("bench"), BenchPlan.QUICK, null).write();
        assertThat(Files.readString(md)).startsWith("# Benchmarks\n\nearlier numbers\n\n" + Report.BEGIN).contains(Report.END);
    }

    @Test
    void aPlotIsAnSvgWithAPointPerValueAndItsMarks() {
        String svg = new Plot("p99 <by> players", "players", "ms")
                .series("all", List.of(new Plot.Point(1000, 5), new Plot.Point(2000, 40)))
                .mark("50 ms", 50).svg();
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n")
                .contains("p99 &lt;by&gt; players", "50 ms", "polyline");
        assertThat(svg.split("<circle", -1)).hasSize(3);
        assertThat(Plot.nice(37)).isEqualTo(50);
        assertThat(Plot.nice(1200)).isEqualTo(2000);
    }
}
