package dev.marquee.refresh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private int run(String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        return Main.run(args, sink, sink, CLOCK);
    }

    @Test
    void exitCodes() throws Exception {
        assertThat(run("--help")).isZero();
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(run("--lake", dir.toString(), "--factors", "zero")).isEqualTo(2);
        assertThat(run("--lake", dir.resolve("missing").toString())).isEqualTo(3);
        assertThat(run("--lake", dir.toString(), "--days", "all")).isEqualTo(3);
        Files.createDirectories(dir.resolve("events/dt=2026-11-20/hour=00"));
        assertThat(run("--lake", dir.toString(), "--days", "7")).isEqualTo(3);
    }

    @Test
    void daysAllSpansTheLakesPartitions() throws Exception {
        Files.createDirectories(dir.resolve("events/dt=1997-09-20/hour=03"));
        Files.createDirectories(dir.resolve("events/dt=1998-04-22/hour=23"));
        Instant[] r = Main.range(dir, "all", null, null, CLOCK);
        assertThat(r).containsExactly(Instant.parse("1997-09-20T00:00:00Z"), Instant.parse("1998-04-23T00:00:00Z"));
    }

    @Test
    void csvHandlesQuotedCommasAndDoubledQuotes() throws Exception {
        Path f = dir.resolve("movies.csv");
        Files.writeString(f, "movieId,title,genres\n11,\"American President, The (1995)\",Comedy|Drama\r\n12,\"Say \"\"Hi\"\"\",Comedy");
        List<List<String>> rows = new ArrayList<>();
        Import.readCsv(f, java.nio.charset.StandardCharsets.UTF_8, rows::add);
        assertThat(rows).containsExactly(List.of("movieId", "title", "genres"),
                List.of("11", "American President, The (1995)", "Comedy|Drama"), List.of("12", "Say \"Hi\"", "Comedy"));
    }
}
