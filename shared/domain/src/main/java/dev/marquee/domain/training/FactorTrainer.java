package dev.marquee.domain.training;

/**
 * A model that learns user and item embeddings from an interaction matrix, scored by dot product. Our implicit ALS is
 * one ({@link #implicitAls()}); peers to compare with (Spark MLlib's ALS in the train benchmark) and the two-tower
 * model of a later issue are others. Found by {@link java.util.ServiceLoader} where the caller does not know them.
 */
public interface FactorTrainer {

    /** The factors and the seconds the fit itself took (set-up and data conversion excluded). */
    record Fit(Factors factors, double fitSeconds) {
    }

    /** The model's name in benchmark output, e.g. "ials" or "spark-als". */
    String name();

    Fit fit(InteractionMatrix train, AlsParams params);

    static FactorTrainer implicitAls(ImplicitAls.Progress progress) {
        return new FactorTrainer() {
            @Override
            public String name() {
                return "ials";
            }

            @Override
            public Fit fit(InteractionMatrix train, AlsParams params) {
                long t0 = System.nanoTime();
                Factors f = ImplicitAls.train(train, params, progress);
                return new Fit(f, (System.nanoTime() - t0) / 1e9);
            }
        };
    }
}
