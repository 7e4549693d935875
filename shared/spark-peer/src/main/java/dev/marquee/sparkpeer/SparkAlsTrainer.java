package dev.marquee.sparkpeer;

import dev.marquee.domain.training.AlsParams;
import dev.marquee.domain.training.FactorTrainer;
import dev.marquee.domain.training.Factors;
import dev.marquee.domain.training.InteractionMatrix;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * Spark MLlib's ALS with implicit preferences in local mode, as the peer of our iALS in the train benchmark. The
 * driver and its block manager bind 127.0.0.1 only; the UI is off. Data goes in as an in-memory DataFrame (Spark
 * 4.1 on JDK 25 cannot read files through Hadoop). Spark always scales its regularisation by each row's number of
 * ratings (weighted lambda): with {@link AlsParams#weightedRegularization()} (our default) it gets the same value and
 * solves the same objective; with plain lambda, {@link #sparkRegularization} converts ours to the same mean penalty.
 */
public final class SparkAlsTrainer implements FactorTrainer, AutoCloseable {
    private SparkSession spark;

    @Override
    public String name() {
        return "spark-als";
    }

    /** Our unscaled lambda over Spark's per-rating one: lambda / mean ratings per row (users and items together). */
    public static double sparkRegularization(InteractionMatrix m, double ours) {
        double meanPerRow = 2.0 * m.nonZeros() / Math.max(1, m.users() + m.items());
        return ours / Math.max(1, meanPerRow);
    }

    /** Starts the local session (not part of the fit time); the benchmark calls it before timing. */
    public synchronized SparkSession session(int threads) {
        if (spark == null) {
            spark = SparkSession.builder()
                    .appName("marquee-bench-train")
                    .master("local[" + threads + "]")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.sql.shuffle.partitions", String.valueOf(threads))
                    .config("spark.default.parallelism", String.valueOf(threads))
                    .getOrCreate();
        }
        return spark;
    }

    @Override
    public Fit fit(InteractionMatrix train, AlsParams p) {
        SparkSession s = session(p.threads());
        List<Row> rows = new ArrayList<>(train.nonZeros());
        train.forEachPair((u, i, w) -> rows.add(RowFactory.create(u, i, w)));
        StructType schema = new StructType()
                .add("user", DataTypes.IntegerType, false)
                .add("item", DataTypes.IntegerType, false)
                .add("weight", DataTypes.FloatType, false);
        Dataset<Row> ratings = s.createDataFrame(rows, schema).cache();
        ratings.count(); // materialised before the clock starts
        ALS als = new ALS()
                .setImplicitPrefs(true)
                .setRank(p.factors())
                .setMaxIter(p.iterations())
                .setRegParam(p.weightedRegularization() ? p.regularization() : sparkRegularization(train, p.regularization()))
                .setAlpha(p.alpha())
                .setSeed(p.seed())
                .setUserCol("user")
                .setItemCol("item")
                .setRatingCol("weight")
                .setNumUserBlocks(p.threads())
                .setNumItemBlocks(p.threads());
        long t0 = System.nanoTime();
        ALSModel model = als.fit(ratings); // ALS.fit materialises both factor RDDs before returning
        double seconds = (System.nanoTime() - t0) / 1e9;
        ratings.unpersist();
        int k = p.factors();
        return new Fit(new Factors(k, collect(model.userFactors(), train.users(), k), collect(model.itemFactors(), train.items(), k)),
                seconds);
    }

    /** (id, features) rows into a dense row-major array; ids Spark never saw stay zero. */
    private static float[] collect(Dataset<Row> factors, int rows, int k) {
        float[] out = new float[rows * k];
        for (Row r : factors.collectAsList()) {
            int id = r.getInt(0);
            List<Object> f = r.getList(1);
            for (int j = 0; j < k; j++) {
                out[id * k + j] = ((Number) f.get(j)).floatValue();
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (spark != null) {
            spark.stop();
            spark = null;
        }
    }
}
