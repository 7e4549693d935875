package dev.marquee.domain.synth;

import dev.marquee.domain.model.EventContext;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.Preferences;
import dev.marquee.domain.model.UserProfile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A reproducible synthetic world for the quick start and tests: a catalog with genres, release dates and
 * licensing by country, power-law popularity, and users with latent genre tastes whose events follow
 * popularity x taste. Users are u1..uN and items i1..iM.
 */
public record SyntheticDataset(List<Item> items, List<UserProfile> users, List<InteractionEvent> events) {

    public static final List<String> GENRES = List.of("action", "comedy", "drama", "documentary", "horror", "romance",
            "sci-fi", "thriller", "animation", "crime", "family", "fantasy");
    public static final List<String> COUNTRIES = List.of("US", "GB", "DE", "FR", "BR", "IN");
    public static final List<String> DEVICES = List.of("tv", "mobile", "web");
    private static final List<String> WORDS = List.of("Midnight", "Silver", "Lost", "Hidden", "Last", "Broken", "Golden",
            "Quiet", "Wild", "Distant", "Harbor", "Garden", "Signal", "Empire", "River", "Echo", "Summit", "Orbit");

    /** Size and shape of the world; {@code seed} makes it reproducible. */
    public record Spec(int items, int users, int meanEventsPerUser, Instant end, Duration span, long seed) {
        public static Spec small(Instant end) {
            return new Spec(400, 200, 30, end, Duration.ofDays(14), 42);
        }
    }

    public static SyntheticDataset generate(Spec spec) {
        SplittableRandom rnd = new SplittableRandom(spec.seed());
        List<Item> items = items(spec, rnd);
        List<UserProfile> users = users(spec, rnd);
        List<InteractionEvent> events = events(spec, items, users, rnd);
        return new SyntheticDataset(items, users, events);
    }

    private static List<Item> items(Spec spec, SplittableRandom rnd) {
        List<Item> items = new ArrayList<>(spec.items());
        for (int i = 1; i <= spec.items(); i++) {
            Set<String> genres = new LinkedHashSet<>();
            int n = 1 + rnd.nextInt(3);
            while (genres.size() < n) {
                genres.add(GENRES.get(rnd.nextInt(GENRES.size())));
            }
            // one item in five is licensed in only some countries
            Set<String> countries = new HashSet<>();
            if (rnd.nextInt(5) == 0) {
                for (String c : COUNTRIES) {
                    if (rnd.nextBoolean()) {
                        countries.add(c);
                    }
                }
            }
            Instant released = spec.end().minus(Duration.ofDays(rnd.nextInt(5 * 365)));
            String title = WORDS.get(rnd.nextInt(WORDS.size())) + " " + WORDS.get(rnd.nextInt(WORDS.size())) + " " + i;
            items.add(new Item("i" + i, title, List.copyOf(genres), List.of(), rnd.nextInt(4) == 0 ? "series" : "movie",
                    released, countries, Map.of()));
        }
        return List.copyOf(items);
    }

    private static List<UserProfile> users(Spec spec, SplittableRandom rnd) {
        List<UserProfile> users = new ArrayList<>(spec.users());
        for (int u = 1; u <= spec.users(); u++) {
            String first = GENRES.get(rnd.nextInt(GENRES.size()));
            String second = GENRES.get((GENRES.indexOf(first) + 1 + rnd.nextInt(GENRES.size() - 1)) % GENRES.size());
            // about a third completed onboarding, and told us their tastes
            Preferences prefs = rnd.nextInt(3) == 0 ? new Preferences(List.of(first, second), List.of()) : Preferences.NONE;
            users.add(new UserProfile("u" + u, COUNTRIES.get(rnd.nextInt(COUNTRIES.size())),
                    DEVICES.get(rnd.nextInt(DEVICES.size())), prefs, Map.of("taste", first + "," + second)));
        }
        return List.copyOf(users);
    }

    private static List<InteractionEvent> events(Spec spec, List<Item> items, List<UserProfile> users, SplittableRandom rnd) {
        double[] popularity = new double[items.size()];
        for (int i = 0; i < popularity.length; i++) {
            popularity[i] = 1.0 / Math.pow(i + 1, 0.9);
        }
        List<InteractionEvent> events = new ArrayList<>();
        Random ids = new Random(spec.seed());
        long spanMillis = spec.span().toMillis();
        for (UserProfile user : users) {
            Set<String> taste = Set.of(user.attributes().get("taste").split(","));
            double[] cumulative = new double[items.size()];
            double total = 0;
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                double w = item.isAvailableIn(user.country()) ? popularity[i] : 0;
                if (item.genres().stream().anyMatch(taste::contains)) {
                    w *= 6;
                }
                total += w;
                cumulative[i] = total;
            }
            int n = 1 + (int) (-Math.log(1 - rnd.nextDouble()) * spec.meanEventsPerUser());
            for (int k = 0; k < n; k++) {
                int idx = search(cumulative, rnd.nextDouble() * total);
                Instant at = spec.end().minusMillis((long) (rnd.nextDouble() * spanMillis));
                events.add(new InteractionEvent(new java.util.UUID(ids.nextLong(), ids.nextLong()).toString(),
                        user.userId(), items.get(idx).itemId(), type(rnd), at, null, null, null,
                        new EventContext(user.device(), user.country(), null, "homepage")));
            }
        }
        return List.copyOf(events);
    }

    private static EventType type(SplittableRandom rnd) {
        int r = rnd.nextInt(100);
        if (r < 55) return EventType.PLAY;
        if (r < 75) return EventType.COMPLETE;
        if (r < 85) return EventType.CLICK;
        if (r < 92) return EventType.LIKE;
        if (r < 97) return EventType.ADD_TO_LIST;
        return EventType.SKIP;
    }

    private static int search(double[] cumulative, double x) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
