package dev.marquee.domain.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A leave-last-out split: each user's latest interacted item is held out for testing (users with fewer than two
 * distinct items stay entirely in training). The NCF protocol and most published tables use this split.
 */
public record HeldOut(InteractionMatrix train, int[] testItem) {

    /** One interaction in dense indices, with its time for ordering. */
    public record Interaction(int user, int item, double weight, long timeMillis) {
    }

    public static HeldOut leaveLastOut(int users, int items, List<Interaction> interactions) {
        Map<Integer, List<Interaction>> byUser = new HashMap<>();
        for (Interaction i : interactions) {
            byUser.computeIfAbsent(i.user(), u -> new ArrayList<>()).add(i);
        }
        int[] test = new int[users];
        java.util.Arrays.fill(test, -1);
        InteractionMatrix.Builder train = new InteractionMatrix.Builder(users, items);
        byUser.forEach((user, list) -> {
            list.sort(Comparator.comparingLong(Interaction::timeMillis).thenComparingInt(Interaction::item));
            int last = list.get(list.size() - 1).item();
            boolean otherItem = list.stream().anyMatch(i -> i.item() != last);
            if (otherItem && list.get(list.size() - 1).weight() > 0) {
                test[user] = last;
            }
            for (Interaction i : list) {
                if (test[user] != i.item()) {
                    train.add(i.user(), i.item(), i.weight());
                }
            }
        });
        return new HeldOut(train.build(), test);
    }
}
