package dev.marquee.domain.experiment;

import dev.marquee.domain.funnel.CatalogIndex;
import dev.marquee.domain.funnel.FallbackPopularity;
import dev.marquee.domain.funnel.Funnel;
import dev.marquee.domain.funnel.FunnelSettings;
import dev.marquee.domain.port.Ranker;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Variants switch generators, rules and the ranker by name. */
class FunnelFactoryTest {
    private final Ranker ranker = (context, candidates) -> candidates;
    private final FunnelFactory factory = new FunnelFactory(new FunnelFactory.Parts(null, null, null, null, null, new CatalogIndex(),
            version -> Optional.empty(), ranker, new FallbackPopularity(), null, Clock.systemUTC(), Duration.ofDays(365), 3, Duration.ZERO));

    private static VariantSpec spec(List<String> generators, List<String> rules, boolean ranker) {
        return new VariantSpec("v", 1, generators, rules, ranker, VariantSpec.RuleParams.DEFAULT);
    }

    @Test
    void buildsEveryKnownGeneratorAndRuleInTheConfiguredOrder() {
        Funnel f = factory.build(spec(FunnelFactory.GENERATORS, FunnelFactory.RULES.reversed(), true), FunnelSettings.DEFAULT);

        assertThat(f.generatorNames()).containsExactlyElementsOf(FunnelFactory.GENERATORS);
        assertThat(f.ruleNames()).containsExactlyElementsOf(FunnelFactory.RULES.reversed());
        assertThat(f.hasRanker()).isTrue();
    }

    @Test
    void aVariantCanRunASubsetWithTheRankerOff() {
        Funnel f = factory.build(spec(List.of("trending", "popular_in_segment"), List.of("remove_seen"), false),
                FunnelSettings.DEFAULT.withVariant("lean"));

        assertThat(f.generatorNames()).containsExactly("trending", "popular_in_segment");
        assertThat(f.ruleNames()).containsExactly("remove_seen");
        assertThat(f.hasRanker()).isFalse();
        assertThat(f.variant()).isEqualTo("lean");
    }

    @Test
    void anUnknownNameIsAStartUpErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> factory.build(spec(List.of("magic"), List.of(), false), FunnelSettings.DEFAULT))
                .hasMessageContaining("unknown generator 'magic'").hasMessageContaining("embedding_retrieval");
        assertThatThrownBy(() -> factory.build(spec(List.of(), List.of("shuffle"), false), FunnelSettings.DEFAULT))
                .hasMessageContaining("unknown rule 'shuffle'").hasMessageContaining("diversity");
    }

    @Test
    void everyVariantGetsItsFunnel() {
        Recommender r = factory.recommender("salt", List.of(spec(List.of("trending"), List.of(), true),
                new VariantSpec("b", 1, List.of("new_releases"), List.of(), false, VariantSpec.RuleParams.DEFAULT)), FunnelSettings.DEFAULT,
                new dev.marquee.domain.tracking.TrackingTokens(new byte[32], Clock.systemUTC(), Duration.ofDays(1)));

        assertThat(r.funnel("v").generatorNames()).containsExactly("trending");
        assertThat(r.funnel("b").variant()).isEqualTo("b");
        assertThat(r.funnel("b").hasRanker()).isFalse();
    }
}
