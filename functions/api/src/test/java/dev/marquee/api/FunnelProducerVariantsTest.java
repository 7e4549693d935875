package dev.marquee.api;

import dev.marquee.domain.experiment.FunnelFactory;
import dev.marquee.domain.experiment.VariantSpec;
import dev.marquee.runtime.config.MarqueeConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** marquee.serving.* to the variants the funnels are built from: defaults, overrides, global settings inherited. */
class FunnelProducerVariantsTest {

    private static MarqueeConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(MarqueeConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return config.getConfigMapping(MarqueeConfig.class);
    }

    @Test
    void withoutVariantsOneDefaultVariantRunsEveryGeneratorAndRule() {
        List<VariantSpec> variants = FunnelProducer.variants(config(Map.of()).serving());

        assertThat(variants).singleElement().satisfies(v -> {
            assertThat(v.name()).isEqualTo("default");
            assertThat(v.generators()).containsExactlyElementsOf(FunnelFactory.GENERATORS);
            assertThat(v.rules()).containsExactlyElementsOf(FunnelFactory.RULES);
            assertThat(v.ranker()).isTrue();
            assertThat(v.params().explorationShare()).isEqualTo(0.08);
            assertThat(v.params().promotionFilter().isNone()).isTrue();
        });
    }

    @Test
    void eachVariantOverridesWhatItNamesAndInheritsTheRest() {
        List<VariantSpec> variants = FunnelProducer.variants(config(Map.of(
                "marquee.serving.exploration.share", "0.1",
                "marquee.serving.promotions.filter", "tag:promo",
                "marquee.serving.variants.control.share", "80",
                "marquee.serving.variants.fresh.share", "20",
                "marquee.serving.variants.fresh.generators", "trending,new_releases",
                "marquee.serving.variants.fresh.ranker", "false",
                "marquee.serving.variants.fresh.exploration-share", "0.25")).serving());

        assertThat(variants).extracting(VariantSpec::name).containsExactly("control", "fresh");
        VariantSpec control = variants.get(0);
        VariantSpec fresh = variants.get(1);
        assertThat(control.share()).isEqualTo(80);
        assertThat(control.generators()).containsExactlyElementsOf(FunnelFactory.GENERATORS);
        assertThat(control.params().explorationShare()).isEqualTo(0.1);
        assertThat(fresh.generators()).containsExactly("trending", "new_releases");
        assertThat(fresh.ranker()).isFalse();
        assertThat(fresh.params().explorationShare()).isEqualTo(0.25);
        assertThat(fresh.params().promotionFilter().toString()).isEqualTo("tag:promo");
    }
}
