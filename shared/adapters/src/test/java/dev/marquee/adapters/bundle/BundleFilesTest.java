package dev.marquee.adapters.bundle;

import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BundleFilesTest {

    @Test
    void listsRoundTripInOrderWithScoresAndSources() {
        Map<String, List<Candidate>> lists = new LinkedHashMap<>();
        lists.put("u1", List.of(new Candidate("i3", 0.9375, "ials"), new Candidate("i1", -0.25, "ials")));
        lists.put("u|2", List.of());
        lists.put("US|tv", List.of(new Candidate("i\"quoted\"", 12.0, "popular_in_segment")));

        assertThat(BundleFiles.readAll(BundleFiles.write(lists))).containsExactlyEntriesOf(lists);
    }

    @Test
    void eachKindHasItsOwnFile() {
        assertThat(List.of(CandidateKind.values())).extracting(BundleFiles::fileOf).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).endsWith(".jsonl.gz"));
    }
}
