package dev.marquee.refresh.ranker;

import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.InteractionEvent;

/**
 * The training label of a (request, item): the strongest engagement in the request, graded so a completed play counts
 * more than a click (no reward for clickbait). The grades are the objectives' weights: click, play (start, progress,
 * rating, list add) and completion (complete, like, purchase) combined into one graded relevance that
 * {@code rank:ndcg} turns into gains {@code 2^grade - 1}. Impressions, skips and dislikes grade 0.
 */
public record RelevanceGrades(int click, int play, int complete) {
    public static final RelevanceGrades DEFAULT = new RelevanceGrades(1, 2, 3);

    public RelevanceGrades {
        if (click < 0 || play < 0 || complete < 0 || click > 10 || play > 10 || complete > 10) {
            throw new IllegalArgumentException("grades are 0..10: click " + click + ", play " + play + ", complete " + complete);
        }
    }

    /** A rating below 3 of 5 is not an engagement to rank up: grade 0. */
    public int of(InteractionEvent e) {
        if (e.type() == EventType.RATE && e.rating() != null && e.rating() < 3) {
            return 0;
        }
        return of(e.type());
    }

    public int of(EventType type) {
        return switch (type) {
            case CLICK -> click;
            case PLAY, PROGRESS, RATE, ADD_TO_LIST -> play;
            case COMPLETE, LIKE, PURCHASE -> complete;
            case IMPRESSION, SKIP, DISLIKE -> 0;
        };
    }
}
