package dev.marquee.devtools.packaging;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ColdStartBenchTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(ColdStartBench.median(List.of(300.0, 410.0, 900.0))).isEqualTo(410.0);
        assertThat(ColdStartBench.median(List.of(300.0, 400.0, 500.0, 900.0))).isEqualTo(450.0);
    }

    @Test
    void jsonLineHasExactlyTheFieldsTheIssueNames() {
        var r = new ColdStartBench.Result("api", "jvm-aot", 412.4, 390, 470, 380, 79.44);

        assertThat(r.json()).isEqualTo(
                "{\"bench\":\"coldstart\",\"function\":\"api\",\"mode\":\"jvm-aot\",\"first_response_ms\":412,\"package_mb\":79.4}");
    }
}
