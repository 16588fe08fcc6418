package org.uprflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.uprflow.engine.EngineIndexes;

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
        assertThat(InboxQuery.indexNames(script)).hasSameSizeAs(statements);
        assertThat(EngineIndexes.read(EngineIndexes.location("h2"))).isNull();
    }

    @Test
    void theFootprintDatabaseIsOnTheSameServer() {
        assertThat(Footprint.withDatabase("jdbc:postgresql://localhost:5432/postgres?user=postgres", "fp"))
                .isEqualTo("jdbc:postgresql://localhost:5432/fp?user=postgres");
        assertThat(Footprint.withDatabase("jdbc:postgresql://127.0.0.1:5432/uprflow_it_1", "fp"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/fp");
    }
}
