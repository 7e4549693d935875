package dev.marquee.runtime.config;

import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The funnel's settings, under {@code marquee.serving}: which generators run (in blend order) and which rules
 * re-rank, the rules' parameters, the stage budgets, the tracking-token secret, and the A/B variants, each of which
 * may override the generators, the rules, the ranker and the main rule parameters. Without variants one variant,
 * {@code default}, serves everyone.
 */
public interface FunnelConfig {

    /** Generator names, in blend order: because_you_watched, precomputed_cf, embedding_retrieval, onboarding, trending, new_releases, popular_in_segment. */
    @WithDefault("because_you_watched,precomputed_cf,embedding_retrieval,onboarding,trending,new_releases,popular_in_segment")
    List<String> generators();

    /** Rule names, applied in this order: remove_seen, exclude, availability, filter, freshness, diversity, exploration, promotions. */
    @WithDefault("remove_seen,exclude,availability,filter,freshness,diversity,exploration,promotions")
    List<String> rules();

    /** Whether the learned ranker orders the candidates (stage 3). */
    @WithDefault("true")
    boolean ranker();

    /** How many candidates each generator may propose. */
    @WithDefault("200")
    int perGenerator();

    /** How many distinct candidates survive the merge and go to the ranker. */
    @WithDefault("500")
    int maxCandidates();

    /** Trending is the same for everyone in a country: read at most this often per country (PT0S: every request). */
    @WithDefault("PT1S")
    Duration trendingRefresh();

    Budgets budgets();

    Diversity diversity();

    Freshness freshness();

    Exploration exploration();

    Promotions promotions();

    NewReleases newReleases();

    ColdStart coldStart();

    Tracking tracking();

    Experiment experiment();

    /** marquee.serving.variants.NAME.share=50 ... */
    Map<String, Variant> variants();

    /** Latency budget of each stage; a call over budget is given up on and named in the answer's fallback. */
    interface Budgets {
        @WithDefault("PT0.04S")
        Duration context();

        @WithDefault("PT0.06S")
        Duration generators();

        @WithDefault("PT0.04S")
        Duration ranker();

        @WithDefault("PT0.04S")
        Duration catalog();
    }

    /** At most max-per-genre items sharing a genre in any window of consecutive positions. */
    interface Diversity {
        @WithDefault("2")
        int maxPerGenre();

        @WithDefault("5")
        int window();
    }

    interface Freshness {
        /** 0 turns the boost off; 0.3: a brand-new item's rank utility is 1.3 times its rank's. */
        @WithDefault("0.3")
        double boost();

        @WithDefault("P30D")
        Duration halfLife();
    }

    interface Exploration {
        /** Share of the answer's positions given to new items (0 turns exploration off). */
        @WithDefault("0.08")
        double share();

        /** Items released longer ago than this are not explored. */
        @WithDefault("P30D")
        Duration maxItemAge();
    }

    interface Promotions {
        /** Campaign filter (e.g. tag:promo); none: no promotions. */
        Optional<String> filter();

        @WithDefault("0.1")
        double share();
    }

    interface NewReleases {
        @WithDefault("P365D")
        Duration maxAge();
    }

    interface ColdStart {
        /** Onboarding preferences keep contributing until the user has this many recent interactions. */
        @WithDefault("3")
        int untilInteractions();
    }

    interface Tracking {
        /** HMAC-SHA256 secret, at least 32 bytes; every api instance must share it. Unset: a random one per process (local use only). */
        Optional<String> secret();

        /** How long after a recommendation an event may cite its token. */
        @WithDefault("P30D")
        Duration maxAge();
    }

    interface Experiment {
        /** Changing the salt reassigns every user: one salt per experiment. */
        @WithDefault("marquee")
        String salt();
    }

    /** One A/B variant: its share of users and what it changes; anything unset is the global setting. */
    interface Variant {
        @WithDefault("1")
        double share();

        Optional<List<String>> generators();

        Optional<List<String>> rules();

        Optional<Boolean> ranker();

        Optional<Double> explorationShare();

        Optional<Double> promotionShare();

        Optional<Integer> diversityMaxPerGenre();

        Optional<Double> freshnessBoost();
    }
}
