package dev.marquee.runtime.wiring;

import dev.marquee.domain.port.CandidateStore;
import dev.marquee.domain.port.DeadLetterSink;
import dev.marquee.domain.port.DeletionLog;
import dev.marquee.domain.port.EventLake;
import dev.marquee.domain.port.EventStream;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.domain.port.LakeFiles;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.ModelStore;
import dev.marquee.domain.port.ResponseCache;
import dev.marquee.domain.port.UserProfiles;

/** One consistent set of adapters for every port: all embedded, or all real. */
public record Ports(
        ItemCatalog catalog,
        UserProfiles profiles,
        CandidateStore candidates,
        ModelRegistry registry,
        FeatureStore features,
        ResponseCache cache,
        EventLake lake,
        ModelStore models,
        EventStream stream,
        DeadLetterSink deadLetters,
        LakeFiles lakeFiles,
        DeletionLog deletions) {
}
