package dev.marquee.adapters.embedded;

import dev.marquee.adapters.onnx.TreeEnsembleOnnx;
import dev.marquee.domain.port.Ranker;
import dev.marquee.domain.ranking.FeatureSchema;
import dev.marquee.domain.ranking.RequestSignals;
import dev.marquee.domain.ranking.TreeEnsemble;
import dev.marquee.testing.contract.RankerContract;

import java.time.Clock;

class InMemoryRankerTest extends RankerContract {
    @Override
    protected Ranker rankerFor(TreeEnsemble trees, FeatureSchema schema, RequestSignals signals) {
        return new InMemoryRanker(TreeEnsembleOnnx.write(trees, schema), signals, Clock.systemUTC());
    }
}
