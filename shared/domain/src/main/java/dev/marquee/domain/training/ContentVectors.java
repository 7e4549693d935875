package dev.marquee.domain.training;

import dev.marquee.domain.model.Item;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Content vectors of catalog items from their metadata, so an item nobody has played yet still has neighbours: a
 * bag of features (genre:, tag: (cast and keywords), type:, decade:) weighted by inverse document frequency over the
 * catalog and L2-normalised; neighbours are the items of highest cosine, found through an inverted index (cost grows
 * with the items that share a feature, not with the catalog squared times a dimension).
 */
public final class ContentVectors {
    public static final String SOURCE = "content_similar";

    /** One item's sparse vector: features ascending, unit length. */
    public record Vector(String itemId, String[] features, float[] weights) {
    }

    private final List<Vector> vectors;
    private final Map<String, Double> idf;

    private ContentVectors(List<Vector> vectors, Map<String, Double> idf) {
        this.vectors = vectors;
        this.idf = idf;
    }

    /** The features of an item's metadata, lower-cased and de-duplicated, ascending. */
    public static List<String> featuresOf(Item item) {
        TreeSet<String> f = new TreeSet<>();
        item.genres().forEach(g -> f.add("genre:" + norm(g)));
        item.tags().forEach(t -> f.add("tag:" + norm(t)));
        if (item.contentType() != null) {
            f.add("type:" + norm(item.contentType()));
        }
        if (item.releasedAt() != null) {
            f.add("decade:" + item.releasedAt().atZone(ZoneOffset.UTC).getYear() / 10 * 10);
        }
        return List.copyOf(f);
    }

    private static String norm(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }

    /** idf(f) = ln((1 + N) / (1 + df(f))) + 1 over the given catalog. */
    public static ContentVectors fit(List<Item> catalog) {
        Map<String, Integer> df = new HashMap<>();
        List<List<String>> features = new ArrayList<>(catalog.size());
        for (Item item : catalog) {
            List<String> f = featuresOf(item);
            features.add(f);
            f.forEach(x -> df.merge(x, 1, Integer::sum));
        }
        Map<String, Double> idf = new TreeMap<>();
        df.forEach((f, n) -> idf.put(f, Math.log((1.0 + catalog.size()) / (1.0 + n)) + 1));
        List<Vector> vectors = new ArrayList<>(catalog.size());
        for (int i = 0; i < catalog.size(); i++) {
            vectors.add(vector(catalog.get(i).itemId(), features.get(i), idf));
        }
        return new ContentVectors(List.copyOf(vectors), idf);
    }

    /** The vector of any item (a new one included) under this catalog's idf; features never seen are ignored. */
    public Vector vectorOf(Item item) {
        return vector(item.itemId(), featuresOf(item), idf);
    }

    private static Vector vector(String id, List<String> features, Map<String, Double> idf) {
        List<String> kept = features.stream().filter(idf::containsKey).toList();
        float[] w = new float[kept.size()];
        double norm = 0;
        for (int j = 0; j < w.length; j++) {
            double v = idf.get(kept.get(j));
            w[j] = (float) v;
            norm += v * v;
        }
        for (int j = 0; j < w.length; j++) {
            w[j] = (float) (w[j] / Math.sqrt(norm));
        }
        return new Vector(id, kept.toArray(String[]::new), w);
    }

    public List<Vector> vectors() {
        return vectors;
    }

    public Map<String, Double> idf() {
        return idf;
    }

    /** Per item (in catalog order), the {@code topN} other items of highest positive cosine. */
    public Ranked[] neighbours(int topN) {
        int n = vectors.size();
        Map<String, List<int[]>> postingsList = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Vector v = vectors.get(i);
            for (int j = 0; j < v.features().length; j++) {
                postingsList.computeIfAbsent(v.features()[j], f -> new ArrayList<>()).add(new int[]{i, j});
            }
        }
        Ranked[] out = new Ranked[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            float[] scores = new float[n];
            Vector v = vectors.get(i);
            for (int j = 0; j < v.features().length; j++) {
                for (int[] p : postingsList.get(v.features()[j])) {
                    scores[p[0]] += v.weights()[j] * vectors.get(p[0]).weights()[p[1]];
                }
            }
            for (int x = 0; x < n; x++) {
                if (x == i || scores[x] <= 0) {
                    scores[x] = Float.NEGATIVE_INFINITY;
                }
            }
            out[i] = SimilarItems.ranked(scores, topN);
        });
        return out;
    }
}
