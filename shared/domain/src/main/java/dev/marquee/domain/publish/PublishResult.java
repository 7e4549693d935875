package dev.marquee.domain.publish;

import dev.marquee.domain.model.CandidateKind;

import java.util.List;
import java.util.Map;

/**
 * What a publish or rollback did.
 *
 * @param outcome  see {@link Outcome}
 * @param version  the version published (or, for a rollback, re-activated); null when there was none to roll back to
 * @param replaced the version that was active before, null when none
 * @param reason   one line for people: the gate's verdict, the checksum that failed, who won the race
 * @param lists    lists loaded per kind (empty when nothing was loaded)
 * @param deleted  versions whose lists were deleted after the switch (beyond the rollback window)
 */
public record PublishResult(Outcome outcome, String version, String replaced, String reason,
                            Map<CandidateKind, Integer> lists, List<String> deleted) {

    public enum Outcome {
        /** The version is active now. */
        PUBLISHED,
        /** The previous version is active again. */
        ROLLED_BACK,
        /** Nothing changed: gate, checksum, missing file, nothing to roll back to. */
        REFUSED,
        /** Another writer switched the registry first; this version's loaded lists are left for cleanup. */
        CONFLICT
    }

    public PublishResult {
        lists = Map.copyOf(lists);
        deleted = List.copyOf(deleted);
    }

    public boolean changedServing() {
        return outcome == Outcome.PUBLISHED || outcome == Outcome.ROLLED_BACK;
    }

    public int totalLists() {
        return lists.values().stream().mapToInt(Integer::intValue).sum();
    }

    static PublishResult refused(String version, String replaced, String reason) {
        return new PublishResult(Outcome.REFUSED, version, replaced, reason, Map.of(), List.of());
    }
}
