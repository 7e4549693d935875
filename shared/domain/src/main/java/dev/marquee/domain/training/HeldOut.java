package dev.marquee.domain.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A leave-last-out split: each user's latest interacted item is held out for testing (users with fewer than two
 * distinct items stay entirely in training). The NCF protocol and most published tables use this split.
 */
public record HeldOut(InteractionMatrix train, int[] testItem) {

    /** One interaction in dense indices, with its time for ordering. */
    public record Interaction(int user, int item, double weight, long timeMillis) {
    }

    public static HeldOut leaveLastOut(int users, int items, List<Interaction> interactions) {
        return leaveLastOut(users, items, interactions, UnaryOperator.identity());
    }

    /**
     * As {@link #leaveLastOut(int, int, List)}, with the training interactions passed through {@code inputs} (e.g.
     * {@link UserRecency}) after the held-out ones are taken away, as training on all data would see them.
     */
    public static HeldOut leaveLastOut(int users, int items, List<Interaction> interactions, UnaryOperator<List<Interaction>> inputs) {
        int[] test = lastItems(users, interactions);
        InteractionMatrix.Builder train = new InteractionMatrix.Builder(users, items);
        for (Interaction i : inputs.apply(withoutHeldOut(interactions, test))) {
            train.add(i.user(), i.item(), i.weight());
        }
        return new HeldOut(train.build(), test);
    }

    /** The interactions whose item is not the user's held-out one (a split of the training part: a validation set). */
    public static List<Interaction> withoutHeldOut(List<Interaction> interactions, int[] test) {
        List<Interaction> out = new ArrayList<>(interactions.size());
        for (Interaction i : interactions) {
            if (test[i.user()] != i.item()) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * Each user's latest training item (by time, ties by item as for the held-out one), -1 for a user with no training
     * interactions: the "because you watched X" anchor of {@link ItemToItemMetrics}.
     */
    public static int[] lastTrainedItems(int users, List<Interaction> interactions, int[] test) {
        int[] last = new int[users];
        long[] at = new long[users];
        java.util.Arrays.fill(last, -1);
        for (Interaction i : interactions) {
            int u = i.user();
            if (test[u] == i.item() || i.weight() <= 0) {
                continue;
            }
            if (last[u] < 0 || i.timeMillis() > at[u] || (i.timeMillis() == at[u] && i.item() > last[u])) {
                last[u] = i.item();
                at[u] = i.timeMillis();
            }
        }
        return last;
    }

    /** Each user's held-out item, -1 where the user keeps everything in training. */
    public static int[] lastItems(int users, List<Interaction> interactions) {
        Map<Integer, List<Interaction>> byUser = new HashMap<>();
        for (Interaction i : interactions) {
            byUser.computeIfAbsent(i.user(), u -> new ArrayList<>()).add(i);
        }
        int[] test = new int[users];
        java.util.Arrays.fill(test, -1);
        byUser.forEach((user, list) -> {
            list.sort(Comparator.comparingLong(Interaction::timeMillis).thenComparingInt(Interaction::item));
            int last = list.get(list.size() - 1).item();
            boolean otherItem = list.stream().anyMatch(i -> i.item() != last);
            if (otherItem && list.get(list.size() - 1).weight() > 0) {
                test[user] = last;
            }
        });
        return test;
    }
}
