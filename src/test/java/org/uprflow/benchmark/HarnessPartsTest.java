package org.uprflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.junit.jupiter.api.Test;
import org.uprflow.engine.EngineIndexes;
import org.uprflow.testing.SqlCapture;

/** The harness's own arithmetic and parsing, in milliseconds; the harness itself runs only with -Pbenchmark. */
class HarnessPartsTest {

    @Test
    void percentilesAreTakenFromTheSortedLatencies() {
        long[] nanos = new long[100];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (i + 1) * 1_000_000L;
        }
        assertThat(Load.percentile(nanos, 0.50)).isEqualTo(50.0);
        assertThat(Load.percentile(nanos, 0.95)).isEqualTo(95.0);
        assertThat(Load.percentile(new long[0], 0.95)).isNaN();
    }

    @Test
    void theTwoNodeRowsCountOnlyWhenHaproxysLogShowsBothNodesServing() {
        String first = "127.0.0.1:4242 [30/Nov/2026:11:00:00.000] platform nodes/node1 0/0/0/12/12 204 0 - - ---- "
                + "1/1/0/0/0 0/0 \"POST /engine-rest/task/1/complete HTTP/1.1\"";
        String second = first.replace("nodes/node1", "nodes/node2");
        assertThat(ClusterCase.bothNodesServed(List.of(first, second, first))).isEqualTo("A 2, B 1 (HAProxy's request log)");
        assertThatThrownBy(() -> ClusterCase.bothNodesServed(List.of(first, first, "[WARNING] Server nodes/node2 is UP")))
                .hasMessageContaining("2 and 0");
    }

    @Test
    void loggedParametersAreInlinedQuotedUnlessNumbers() {
        String sql = SqlCapture.inline("select * from t where a = ? and b in (?, ?) limit ?",
                "ad.cso(String), it's(String), 7(Integer), 15(Integer)");
        assertThat(sql).isEqualTo("select * from t where a = 'ad.cso' and b in ('it''s', 7) limit 15");
    }

    @Test
    void theIndexScriptSplitsIntoStatementsAndNamesItsIndexes() {
        String script = EngineIndexes.read(EngineIndexes.location("postgres"));
        List<String> statements = EngineIndexes.statements(script);
        assertThat(statements).isNotEmpty().allSatisfy(sql -> assertThat(sql).startsWith("create index if not exists"));
        assertThat(PlatformIndexes.indexNames(script)).hasSameSizeAs(statements)
                .anySatisfy(name -> assertThat(name).startsWith(InboxQuery.INDEXES))
                .contains("uprflow_idx_task_parent").allSatisfy(name -> assertThat(name).startsWith(CycleThroughput.INDEXES));
        assertThat(EngineIndexes.read(EngineIndexes.location("h2"))).isNull();
    }

    @Test
    void theFootprintDatabaseIsOnTheSameServer() {
        assertThat(Footprint.withDatabase("jdbc:postgresql://localhost:5432/postgres?user=postgres", "fp"))
                .isEqualTo("jdbc:postgresql://localhost:5432/fp?user=postgres");
        assertThat(Footprint.withDatabase("jdbc:postgresql://127.0.0.1:5432/uprflow_it_1", "fp"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/fp");
    }

    /** jcmd GC.heap_info as JDK 17 prints it; the serial collector's first line is its young generation only. */
    @Test
    void theHeapAfterAFullGcCountsEveryGeneration() {
        String serial = """
                 def new generation   total 29504K, used 239K [0x0000000687400000, 0x0000000689400000, 0x0000000689400000)
                  eden space 26240K,   0% used [0x0000000687400000, 0x0000000687400000, 0x0000000688da0000)
                 tenured generation   total 145484K, used 110592K [0x0000000704d50000, 0x000000070dbe3000, 0x0000000800000000)
                   the space 145484K,  76% used [0x0000000704d50000, 0x000000070b950000, 0x000000070b950200, 0x000000070dbe3000)
                 Metaspace       used 93850K, committed 94987K, reserved 1179648K
                """;
        assertThat(Footprint.heapUsed(serial)).isEqualTo("108 MB used of 170 MB committed");
        String g1 = """
                 garbage-first heap   total 397312K, used 110080K [0x0000000687400000, 0x0000000800000000)
                  region size 2048K, 1 young (2048K), 0 survivors (0K)
                 Metaspace       used 93850K, committed 94987K, reserved 1179648K
                """;
        assertThat(Footprint.heapUsed(g1)).isEqualTo("107 MB used of 388 MB committed");
        assertThat(Footprint.heapUsed("12345:\nNo such process")).startsWith("? (");
    }

    @Test
    void theRecommendationFileHasItsRowsInThePublicColumnsAndIsRepeatable() throws Exception {
        byte[] file = RecommendationFile.csv("KE", 4, 300, 7);
        assertThat(file).isEqualTo(RecommendationFile.csv("KE", 4, 300, 7));
        try (CSVParser parser = CSVParser.parse(new String(file, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader().get())) {
            List<CSVRecord> rows = parser.getRecords();
            assertThat(parser.getHeaderNames()).contains("Recommendation", "Recommending State", "State under review",
                    "Response", "Issues", "Cycle");
            assertThat(rows).hasSize(300).allSatisfy(row -> {
                assertThat(row.get("State under review")).isEqualTo("KE");
                assertThat(row.get("Cycle")).isEqualTo("4");
                assertThat(row.get("Issues").split("; ")).hasSizeBetween(1, 3);
                assertThat(row.get("Response")).isIn("Supported", "Noted", "");
            });
            assertThat(rows).anySatisfy(row -> assertThat(row.get("Recommendation")).contains("русскоязычные"));
        }
    }

    @Test
    void aProfileSampleIsChargedToTheInnermostLibraryPastTheJdk() {
        assertThat(Profile.owner(List.of("java.util.HashMap.get", "com.fasterxml.jackson.databind.ObjectMapper.readValue",
                "org.glassfish.jersey.server.ServerRuntime.process"))).isEqualTo("Jackson (JSON)");
        assertThat(Profile.owner(List.of("sun.security.provider.SHA5.implCompress", "java.security.MessageDigest.digest",
                "org.camunda.bpm.engine.impl.digest.Sha512HashDigest.hash"))).isEqualTo("digests (JDK SHA)");
        assertThat(Profile.owner(List.of("java.lang.Thread.run"))).isEqualTo("JDK (other)");
        assertThat(Profile.owner(List.of("net.bytebuddy.Foo.bar"))).isEqualTo("net.bytebuddy");
        assertThat(Profile.side("http-nio-auto-1-exec-3")).startsWith("server");
        assertThat(Profile.side("HttpClient-1-Worker-0")).startsWith("harness");
    }

    @Test
    void procStatIsReadPastTheCommandName() throws Exception {
        Path stat = Files.createTempFile("stat", "");
        Files.writeString(stat, "4242 (postgres: a (b) c) S 4000 4242 4242 0 -1 4194560 9 0 0 0 17 5 0 0 20 0 1 0\n");
        String[] fields = CpuMeter.stat(stat);
        assertThat(fields[1]).isEqualTo("4000");
        assertThat(fields[11]).isEqualTo("17");
        assertThat(fields[12]).isEqualTo("5");
        assertThat(CpuMeter.stat(stat.resolveSibling("no-such-file"))).isNull();
        Files.delete(stat);
        assertThat(CpuMeter.kind("C2 CompilerThre")).isEqualTo("JIT");
        assertThat(CpuMeter.kind("http-nio-auto-1")).isEqualTo("requests");
        assertThat(CpuMeter.kind("Finalizer")).isEqualTo("other");
    }
}
