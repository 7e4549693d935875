package dev.marquee.domain.publish;

import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.model.ModelVersion;
import dev.marquee.domain.port.CandidateStore;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.ModelStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Publishes a model bundle: gate, checksums, load, switch, clean up. In that order, so nothing a reader can see
 * changes until the one conditional registry write.
 *
 * <ol>
 *   <li>The {@link PublishGate} compares the bundle's headline metric with the active version's.</li>
 *   <li>Every list file must be in the manifest with the same SHA-256 and size (all checked before anything is
 *       loaded).</li>
 *   <li>The lists are loaded into the {@link CandidateStore} under the <em>new</em> version, {@code chunkSize} keys per
 *       {@code putAll}, streamed from the file, so a bundle of 100k users never sits in memory decoded. Readers only
 *       read under the active version, so they do not see these lists yet. The bytes loaded are hashed again while
 *       loading: a file swapped between the check and the load is caught before the switch.</li>
 *   <li>One {@link ModelRegistry#activate} call, conditional on the version that was active when the publish began.
 *       If it returns false another publish or rollback won: the result is {@link PublishResult.Outcome#CONFLICT},
 *       the registry is untouched and the lists just loaded are left (they are invisible; deleting them here could
 *       race a retry of the same version).</li>
 *   <li>After the switch, the version that was <em>previous</em> before it falls out of the rollback window
 *       (active + previous) and its lists are deleted.</li>
 * </ol>
 */
public final class BundlePublisher {
    public static final int DEFAULT_CHUNK = 1_000;

    private final ModelStore bundles;
    private final ListFileReader reader;
    private final CandidateStore candidates;
    private final ModelRegistry registry;
    private final PublishGate gate;
    private final Clock clock;
    private final int chunkSize;
    private RankerGate rankerGate = RankerGate.DEFAULT;

    public BundlePublisher(ModelStore bundles, ListFileReader reader, CandidateStore candidates, ModelRegistry registry,
                           PublishGate gate, Clock clock, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be >= 1: " + chunkSize);
        }
        this.bundles = Objects.requireNonNull(bundles);
        this.reader = Objects.requireNonNull(reader);
        this.candidates = Objects.requireNonNull(candidates);
        this.registry = Objects.requireNonNull(registry);
        this.gate = Objects.requireNonNull(gate);
        this.clock = Objects.requireNonNull(clock);
        this.chunkSize = chunkSize;
    }

    public BundlePublisher(ModelStore bundles, ListFileReader reader, CandidateStore candidates, ModelRegistry registry,
                           PublishGate gate, Clock clock) {
        this(bundles, reader, candidates, registry, gate, clock, DEFAULT_CHUNK);
    }

    /** The ranker's gate (default {@link RankerGate#DEFAULT}). */
    public BundlePublisher withRankerGate(RankerGate gate) {
        this.rankerGate = Objects.requireNonNull(gate);
        return this;
    }

    public PublishResult publish(BundleDescription bundle) {
        String version = bundle.version();
        Optional<ModelVersion> active = registry.active();
        Optional<ModelVersion> previous = registry.previous();
        String current = active.map(ModelVersion::version).orElse(null);
        if (version.equals(current)) {
            return PublishResult.refused(version, current, "version " + version + " is already active");
        }

        PublishGate.Decision decision = gate.check(bundle.metrics(), active);
        if (!decision.accepted()) {
            return PublishResult.refused(version, current, decision.reason());
        }
        PublishGate.Decision ranker = rankerGate.check(bundle);
        if (!ranker.accepted()) {
            return PublishResult.refused(version, current, ranker.reason());
        }

        for (CandidateKind kind : CandidateKind.values()) {
            Optional<String> problem = checkFile(bundle, kind);
            if (problem.isPresent()) {
                return PublishResult.refused(version, current, problem.get());
            }
        }

        Map<CandidateKind, Integer> counts = new EnumMap<>(CandidateKind.class);
        for (CandidateKind kind : CandidateKind.values()) {
            String file = bundle.listFiles().get(kind);
            byte[] content = bundles.get(version, file).orElse(null);
            if (content == null || !matches(content, bundle.artifacts().get(file))) {
                // changed under us after the check; what was loaded so far is invisible and stays for cleanup
                return new PublishResult(PublishResult.Outcome.REFUSED, version, current,
                        file + " changed between the checksum check and the load", counts, List.of());
            }
            counts.put(kind, load(version, kind, content));
        }

        ModelVersion next = new ModelVersion(version, clock.instant(), bundle.metrics());
        if (!registry.activate(next, current)) {
            String winner = registry.active().map(ModelVersion::version).orElse("none");
            return new PublishResult(PublishResult.Outcome.CONFLICT, version, current,
                    "another publish or rollback switched first (active now: " + winner + ", expected: "
                            + (current == null ? "none" : current) + "); lists of " + version + " left for cleanup",
                    counts, List.of());
        }

        List<String> deleted = new ArrayList<>();
        Set<String> window = new HashSet<>();
        window.add(version);
        if (current != null) {
            window.add(current);
        }
        previous.map(ModelVersion::version).filter(v -> !window.contains(v)).ifPresent(old -> {
            candidates.deleteVersion(old);
            deleted.add(old);
        });
        return new PublishResult(PublishResult.Outcome.PUBLISHED, version, current, decision.reason(), counts, deleted);
    }

    /**
     * Makes the previous version active again, conditional on the active one still being what this call saw. Its
     * lists are still stored (publish deletes only versions beyond active + previous), so answers come back as they
     * were. The version rolled back from becomes previous, so a second rollback undoes the first.
     */
    public PublishResult rollback() {
        Optional<ModelVersion> active = registry.active();
        Optional<ModelVersion> previous = registry.previous();
        String current = active.map(ModelVersion::version).orElse(null);
        if (previous.isEmpty()) {
            return PublishResult.refused(null, current, "no previous version to roll back to");
        }
        ModelVersion back = new ModelVersion(previous.get().version(), clock.instant(), previous.get().metrics());
        if (!registry.activate(back, current)) {
            return new PublishResult(PublishResult.Outcome.CONFLICT, back.version(), current,
                    "the active version changed during the rollback; nothing switched", Map.of(), List.of());
        }
        return new PublishResult(PublishResult.Outcome.ROLLED_BACK, back.version(), current,
                "rolled back from " + current + " to " + back.version(), Map.of(), List.of());
    }

    private Optional<String> checkFile(BundleDescription bundle, CandidateKind kind) {
        String file = bundle.listFiles().get(kind);
        if (file == null) {
            return Optional.of("the bundle names no list file for " + kind);
        }
        BundleDescription.Digest expected = bundle.artifacts().get(file);
        if (expected == null) {
            return Optional.of("manifest.json has no entry for " + file);
        }
        Optional<byte[]> content = bundles.get(bundle.version(), file);
        if (content.isEmpty()) {
            return Optional.of(file + " is missing from models/" + bundle.version() + "/");
        }
        byte[] bytes = content.get();
        if (bytes.length != expected.bytes()) {
            return Optional.of(file + " is " + bytes.length + " bytes, manifest.json says " + expected.bytes());
        }
        String actual = BundleDescription.Digest.of(bytes).sha256();
        if (!actual.equals(expected.sha256())) {
            return Optional.of(file + " sha256 " + actual + " does not match manifest.json " + expected.sha256());
        }
        return Optional.empty();
    }

    private static boolean matches(byte[] content, BundleDescription.Digest expected) {
        return expected != null && content.length == expected.bytes() && BundleDescription.Digest.of(content).sha256().equals(expected.sha256());
    }

    private int load(String version, CandidateKind kind, byte[] content) {
        Map<String, List<Candidate>> chunk = new LinkedHashMap<>();
        int[] total = {0};
        reader.read(content, (key, list) -> {
            chunk.put(key, list);
            if (chunk.size() >= chunkSize) {
                total[0] += flush(version, kind, chunk);
            }
        });
        total[0] += flush(version, kind, chunk);
        return total[0];
    }

    private int flush(String version, CandidateKind kind, Map<String, List<Candidate>> chunk) {
        int n = chunk.size();
        if (n > 0) {
            candidates.putAll(version, kind, Map.copyOf(chunk));
            chunk.clear();
        }
        return n;
    }

}
