package dev.marquee.domain.ranking;

import dev.marquee.domain.model.Item;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one feature computation of the ranker, shared by the trainer (training rows) and the api (serving rows), so
 * training and serving cannot disagree on what a feature means. Writes {@link FeatureSchema#V1} rows, row-major, one
 * per candidate; anything unknown gets the schema's default. Per request the user side (factors, recent items, genre
 * shares) is computed once; per candidate it costs one dot product per recent item plus a few look-ups.
 */
public final class FeatureExtractor {
    /** How many recent items feed the similarity and genre-affinity features. */
    public static final int RECENT = 10;
    private static final Duration FRESH = Duration.ofDays(30);

    private final FeatureSchema schema = FeatureSchema.V1;
    private final float[] defaults = schema.defaults();

    /** The columns this extractor writes. */
    public FeatureSchema schema() {
        return schema;
    }

    /** Rows for {@code itemIds} (sources aligned, null = unknown generator) into {@code out} (length n x width). */
    public void extract(RankingQuery query, FeatureInputs in, List<String> itemIds, List<String> sources, float[] out) {
        int width = schema.width();
        if (out.length < itemIds.size() * width) {
            throw new IllegalArgumentException("out holds " + out.length + " floats, needs " + itemIds.size() * width);
        }
        UserSide user = userSide(query, in);
        for (int r = 0; r < itemIds.size(); r++) {
            row(query, in, user, itemIds.get(r), sources == null ? null : sources.get(r), out, r * width);
        }
    }

    private record UserSide(float[] factors, float[][] recentFactors, double[] recentNorms, Map<String, Double> genreShare, Set<String> onboarding,
                            float activityLog, float hourSin, float hourCos, float dayOfWeek,
                            float tv, float mobile, float web, float homepage, float upNext, float similar) {
    }

    private UserSide userSide(RankingQuery q, FeatureInputs in) {
        float[] uf = in.userFactors(q.userId());
        List<String> recent = in.recentItems(q.userId(), RECENT);
        float[][] rf = new float[recent.size()][];
        double[] norms = new double[recent.size()];
        Map<String, Double> genres = new HashMap<>();
        int withGenres = 0;
        for (int i = 0; i < recent.size(); i++) {
            rf[i] = in.itemFactors(recent.get(i));
            norms[i] = rf[i] == null ? 0 : Math.sqrt(dot(rf[i], rf[i]));
            Item item = in.item(recent.get(i));
            if (item != null && !item.genres().isEmpty()) {
                withGenres++;
                for (String g : item.genres()) {
                    genres.merge(g, 1.0 / item.genres().size(), Double::sum);
                }
            }
        }
        if (withGenres > 0) {
            int n = withGenres;
            genres.replaceAll((g, v) -> v / n);
        }
        ZonedDateTime t = q.at().atZone(ZoneOffset.UTC);
        double hour = t.getHour() + t.getMinute() / 60.0;
        String device = q.device() == null ? "" : q.device();
        String surface = q.surface() == null ? "" : q.surface();
        return new UserSide(uf, rf, norms, genres, new HashSet<>(q.preferences().genres()),
                logOnePlus(Math.max(0, in.activity(q.userId()))),
                (float) Math.sin(2 * Math.PI * hour / 24), (float) Math.cos(2 * Math.PI * hour / 24),
                t.getDayOfWeek().getValue() - 1,
                flag(device.equals("tv")), flag(device.equals("mobile")), flag(device.equals("web")),
                flag(surface.equals("homepage")), flag(surface.equals("up_next")), flag(surface.equals("similar")));
    }

    private void row(RankingQuery q, FeatureInputs in, UserSide u, String itemId, String source, float[] out, int o) {
        System.arraycopy(defaults, 0, out, o, defaults.length);
        float[] itf = in.itemFactors(itemId);
        if (itf != null && u.factors() != null && itf.length == u.factors().length) {
            out[o] = dot(u.factors(), itf);
            out[o + 1] = 1f;
        }
        if (itf != null && u.recentFactors().length > 0) {
            double max = -1;
            double sum = 0;
            int n = 0;
            double itemNorm = Math.sqrt(dot(itf, itf));
            for (int k = 0; k < u.recentFactors().length; k++) {
                float[] rf = u.recentFactors()[k];
                if (rf != null && rf.length == itf.length) {
                    double norms = u.recentNorms()[k] * itemNorm;
                    double c = norms == 0 ? 0 : dot(rf, itf) / norms;
                    max = Math.max(max, c);
                    sum += c;
                    n++;
                }
            }
            if (n > 0) {
                out[o + 2] = (float) max;
                out[o + 3] = (float) (sum / n);
            }
        }
        out[o + 4 + generator(source)] = 1f;
        out[o + 8] = logOnePlus(Math.max(0, in.popularity(itemId, null)));
        out[o + 9] = logOnePlus(Math.max(0, in.trend(itemId, null)));
        if (q.country() != null) {
            out[o + 10] = logOnePlus(Math.max(0, in.popularity(itemId, q.country())));
            out[o + 11] = logOnePlus(Math.max(0, in.trend(itemId, q.country())));
        }
        Item item = in.item(itemId);
        if (item != null) {
            if (item.releasedAt() != null) {
                long ageMillis = Math.max(0, Duration.between(item.releasedAt(), q.at()).toMillis());
                out[o + 12] = logOnePlus(ageMillis / 86_400_000.0);
                out[o + 13] = flag(ageMillis <= FRESH.toMillis());
            }
            if (!item.genres().isEmpty()) {
                double history = 0;
                int onboarding = 0;
                for (String g : item.genres()) {
                    history += u.genreShare().getOrDefault(g, 0.0);
                    onboarding += u.onboarding().contains(g) ? 1 : 0;
                }
                out[o + 14] = (float) (history / item.genres().size());
                out[o + 15] = (float) onboarding / item.genres().size();
            }
            out[o + 26] = flag(item.isAvailableIn(q.country()));
        }
        out[o + 16] = u.activityLog();
        out[o + 17] = u.hourSin();
        out[o + 18] = u.hourCos();
        out[o + 19] = u.dayOfWeek();
        out[o + 20] = u.tv();
        out[o + 21] = u.mobile();
        out[o + 22] = u.web();
        out[o + 23] = u.homepage();
        out[o + 24] = u.upNext();
        out[o + 25] = u.similar();
    }

    /** 0 collaborative filtering, 1 item-to-item, 2 popularity/trending, 3 anything else. */
    static int generator(String source) {
        if (source == null) {
            return 3;
        }
        return switch (source) {
            case "precomputed_cf", "ials", "embedding_retrieval" -> 0;
            case "because_you_watched", "similar_items" -> 1;
            case "popular_in_segment", "trending_in_country", "trending", "popular", "static_popularity" -> 2;
            default -> 3;
        };
    }

    /** log(1 + x) for x >= 0 (Math.log is an intrinsic; StrictMath.log1p is not, and this runs per candidate). */
    private static float logOnePlus(double x) {
        return (float) Math.log(1 + Math.max(0, x));
    }

    private static float flag(boolean b) {
        return b ? 1f : 0f;
    }

    private static float dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return (float) s;
    }

}
