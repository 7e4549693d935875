package dev.marquee.domain.ranking;

import dev.marquee.domain.funnel.RecommendationContext;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.port.Ranker;
import dev.marquee.domain.port.StoreUnavailableException;

import java.util.List;
import java.util.function.Function;

/**
 * The ranker of the active model version: the funnel already read the active version into the context, so a publish
 * or rollback switches the ranker with the candidates, never one without the other. A version's ranker is loaded once
 * ({@link #warm} at start-up for the version active then). A version whose bundle has no ranker serves the candidate
 * order as it is (the loader returns null: nothing is degraded); a version whose ranker cannot be loaded (unknown
 * feature schema, unreadable files) is remembered as unavailable and every request gets the candidate order, named
 * {@code ranker_unavailable}, until the version changes.
 */
public final class VersionedRanker implements Ranker {
    private final Function<String, Ranker> loader;
    private volatile Loaded current;

    private record Loaded(String version, Ranker ranker, StoreUnavailableException failure) {
    }

    /**
     * @param loader a version's ranker; null when its bundle has none; throws StoreUnavailableException ("ranker")
     *               when it has one that cannot serve
     */
    public VersionedRanker(Function<String, Ranker> loader) {
        this.loader = loader;
    }

    @Override
    public List<Recommendation> rank(RecommendationContext context, List<Recommendation> candidates) {
        String version = context.modelVersion();
        if (version == null) {
            throw new StoreUnavailableException("ranker", "no active model version", null);
        }
        Loaded l = load(version);
        if (l.failure() != null) {
            throw l.failure();
        }
        return l.ranker() == null ? candidates : l.ranker().rank(context, candidates);
    }

    /** Loads (once) the ranker of {@code version}: what serves, in words. */
    public synchronized String warm(String version) {
        Loaded l = load(version);
        return l.failure() != null ? "candidate order (" + l.failure().getMessage() + ")"
                : l.ranker() == null ? "candidate order (the bundle has no ranker)" : "the bundle's ranker";
    }

    private Loaded load(String version) {
        Loaded l = current;
        if (l != null && l.version().equals(version)) {
            return l;
        }
        synchronized (this) {
            l = current;
            if (l != null && l.version().equals(version)) {
                return l;
            }
            try {
                l = new Loaded(version, loader.apply(version), null);
            } catch (StoreUnavailableException e) {
                l = new Loaded(version, null, e);
            }
            current = l;
            return l;
        }
    }
}
