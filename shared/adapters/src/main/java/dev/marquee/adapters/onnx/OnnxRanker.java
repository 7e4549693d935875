package dev.marquee.adapters.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.marquee.domain.funnel.RecommendationContext;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.port.Ranker;
import dev.marquee.domain.port.StoreUnavailableException;
import dev.marquee.domain.ranking.FeatureRanker;
import dev.marquee.domain.ranking.FeatureSchema;
import dev.marquee.domain.ranking.RequestSignals;
import dev.marquee.domain.ranking.RowScorer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The production {@link Ranker}: the bundle's {@code ranker.onnx} in one ONNX Runtime session per container (create
 * one per loaded model and share it), one intra-op thread by default (a Lambda has one or two vCPUs and one request at
 * a time), warmed at construction so the first request does not pay for the session's lazy set-up. Per thread the
 * direct input/output buffers and their tensors are kept per batch size and reused. Refuses, with
 * {@link StoreUnavailableException} ("ranker"), a model whose feature schema this build does not compute.
 */
public final class OnnxRanker implements Ranker, RowScorer, AutoCloseable {
    private static final int CACHED_SIZES = 4;

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final FeatureSchema schema;
    private final FeatureRanker ranker;
    private final ThreadLocal<Map<Integer, Tensors>> tensors = ThreadLocal.withInitial(() ->
            new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Integer, Tensors> eldest) {
                    if (size() > CACHED_SIZES) {
                        eldest.getValue().close();
                        return true;
                    }
                    return false;
                }
            });

    public OnnxRanker(byte[] model, RequestSignals signals, Clock clock, int intraOpThreads) {
        this.schema = servableSchema(model);
        try {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(Math.max(1, intraOpThreads));
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(model, options);
        } catch (OrtException e) {
            throw new StoreUnavailableException("ranker", "the ONNX session could not be created: " + e.getMessage(), e);
        }
        this.ranker = new FeatureRanker(signals, this, clock);
        warm();
    }

    /** The declared schema if this build serves it; otherwise the model is refused. */
    static FeatureSchema servableSchema(byte[] model) {
        FeatureSchema declared;
        try {
            declared = TreeEnsembleOnnx.schemaOf(model);
        } catch (IllegalArgumentException e) {
            throw new StoreUnavailableException("ranker", "unknown feature schema: " + e.getMessage(), e);
        }
        return FeatureSchema.servable(declared).orElseThrow(() -> new StoreUnavailableException("ranker",
                "unknown feature schema " + declared.version() + " (" + declared.width() + " features); this build serves "
                        + FeatureSchema.V1.version(), null));
    }

    public FeatureSchema schema() {
        return schema;
    }

    @Override
    public List<Recommendation> rank(RecommendationContext context, List<Recommendation> candidates) {
        return ranker.rank(context, candidates);
    }

    @Override
    public void score(float[] rows, int n, float[] out) {
        if (n == 0) {
            return;
        }
        Tensors t = tensors.get().computeIfAbsent(n, this::allocate);
        t.input.clear();
        t.input.put(rows, 0, n * schema.width());
        t.input.rewind();
        try {
            session.run(Map.of(TreeEnsembleOnnx.INPUT, t.inputTensor), Map.of(TreeEnsembleOnnx.OUTPUT, t.outputTensor)).close();
        } catch (OrtException e) {
            throw new StoreUnavailableException("ranker", "ONNX inference failed: " + e.getMessage(), e);
        }
        t.output.rewind();
        t.output.get(out, 0, n);
    }

    private Tensors allocate(int n) {
        try {
            FloatBuffer in = direct(n * schema.width());
            FloatBuffer out = direct(n);
            return new Tensors(in, out, OnnxTensor.createTensor(env, in, new long[]{n, schema.width()}),
                    OnnxTensor.createTensor(env, out, new long[]{n, 1}));
        } catch (OrtException e) {
            throw new StoreUnavailableException("ranker", "ONNX tensors could not be allocated: " + e.getMessage(), e);
        }
    }

    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private void warm() {
        float[] rows = new float[8 * schema.width()];
        for (int r = 0; r < 8; r++) {
            System.arraycopy(schema.defaults(), 0, rows, r * schema.width(), schema.width());
        }
        score(rows, 8, new float[8]);
    }

    private record Tensors(FloatBuffer input, FloatBuffer output, OnnxTensor inputTensor, OnnxValue outputTensor) {
        void close() {
            inputTensor.close();
            outputTensor.close();
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing at shutdown: nothing left to do
        }
    }
}
