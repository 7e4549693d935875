package dev.marquee.domain.training.datasets;

import dev.marquee.domain.training.HeldOut;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A public ratings data set read as implicit feedback (every rating is an interaction, as in the NCF protocol), with
 * dense indices for users and items. Layouts: MovieLens 100K ({@code u.data}, tab separated), MovieLens latest/20M
 * ({@code ratings.csv} with a header), MovieLens 1M ({@code ratings.dat}, "::" separated), and a generic
 * {@code user,item,timestamp[,weight]} CSV file.
 */
public record RatingsDataset(String name, List<String> userIds, List<String> itemIds, List<HeldOut.Interaction> interactions) {

    public int users() {
        return userIds.size();
    }

    public int items() {
        return itemIds.size();
    }

    /** Reads a MovieLens folder or a generic CSV file. */
    public static RatingsDataset read(Path path) {
        if (Files.isDirectory(path)) {
            if (Files.exists(path.resolve("u.data"))) {
                return parse(path, path.resolve("u.data"), "\t", false, 0, 1, 3);
            }
            if (Files.exists(path.resolve("ratings.csv"))) {
                return parse(path, path.resolve("ratings.csv"), ",", true, 0, 1, 3);
            }
            if (Files.exists(path.resolve("ratings.dat"))) {
                return parse(path, path.resolve("ratings.dat"), "::", false, 0, 1, 3);
            }
            throw new IllegalArgumentException(path + " holds none of u.data, ratings.csv, ratings.dat");
        }
        return parseGeneric(path);
    }

    private static RatingsDataset parse(Path name, Path file, String separator, boolean header, int userCol, int itemCol, int timeCol) {
        Builder b = new Builder(name.getFileName().toString());
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line = header ? r.readLine() : null;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(java.util.regex.Pattern.quote(separator));
                b.add(f[userCol].trim(), f[itemCol].trim(), 1.0, Long.parseLong(f[timeCol].trim()) * 1000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.build();
    }

    /** {@code user,item,timestamp[,weight]}; a header line is skipped when its timestamp is not a number. */
    private static RatingsDataset parseGeneric(Path file) {
        Builder b = new Builder(file.getFileName().toString());
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                if (f.length < 3 || !f[2].trim().matches("\\d+")) {
                    continue;
                }
                double weight = f.length > 3 ? Double.parseDouble(f[3].trim()) : 1.0;
                long t = Long.parseLong(f[2].trim());
                b.add(f[0].trim(), f[1].trim(), weight, t < 1_000_000_000_000L ? t * 1000 : t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.build();
    }

    /** Assigns dense indices in order of first appearance. */
    static final class Builder {
        private final String name;
        private final Map<String, Integer> users = new HashMap<>();
        private final Map<String, Integer> items = new HashMap<>();
        private final List<String> userIds = new ArrayList<>();
        private final List<String> itemIds = new ArrayList<>();
        private final List<HeldOut.Interaction> interactions = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        void add(String user, String item, double weight, long timeMillis) {
            int u = users.computeIfAbsent(user, k -> {
                userIds.add(k);
                return userIds.size() - 1;
            });
            int i = items.computeIfAbsent(item, k -> {
                itemIds.add(k);
                return itemIds.size() - 1;
            });
            interactions.add(new HeldOut.Interaction(u, i, weight, timeMillis));
        }

        RatingsDataset build() {
            return new RatingsDataset(name, List.copyOf(userIds), List.copyOf(itemIds), List.copyOf(interactions));
        }
    }
}
