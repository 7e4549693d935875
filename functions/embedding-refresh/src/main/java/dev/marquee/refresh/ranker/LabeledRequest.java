package dev.marquee.refresh.ranker;

import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.model.Preferences;
import dev.marquee.domain.ranking.RankingQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One learning-to-rank query group: a user's request (what was shown and what was engaged with) and the grade of each
 * item in it. Impressions not engaged with are present with grade 0 (negatives the user actually saw).
 */
public record LabeledRequest(RankingQuery query, Map<String, Integer> grades) {

    public boolean hasPositive() {
        return grades.values().stream().anyMatch(g -> g > 0);
    }

    /**
     * Groups events into requests: by tracking token (one served list) when the event carries one, else by session,
     * else one request per user for the whole window. The request happens at its earliest event; country, device and
     * surface are the first ones the events report.
     */
    public static List<LabeledRequest> fromEvents(List<InteractionEvent> events, RelevanceGrades grades) {
        Map<String, List<InteractionEvent>> byRequest = new LinkedHashMap<>();
        for (InteractionEvent e : events) {
            String request = e.trackingToken() != null ? "t:" + e.trackingToken()
                    : e.context().sessionId() != null ? "s:" + e.context().sessionId() : "w";
            byRequest.computeIfAbsent(e.userId() + "\u0000" + request, k -> new ArrayList<>()).add(e);
        }
        List<LabeledRequest> out = new ArrayList<>(byRequest.size());
        for (List<InteractionEvent> list : byRequest.values()) {
            list.sort(Comparator.comparing(InteractionEvent::timestamp));
            String country = null;
            String device = null;
            String surface = null;
            Map<String, Integer> g = new LinkedHashMap<>();
            for (InteractionEvent e : list) {
                country = country != null ? country : e.context().country();
                device = device != null ? device : e.context().device();
                surface = surface != null ? surface : e.context().surface();
                int grade = e.type() == EventType.IMPRESSION ? 0 : grades.of(e);
                g.merge(e.itemId(), grade, Math::max);
            }
            Instant at = list.get(0).timestamp();
            out.add(new LabeledRequest(new RankingQuery(list.get(0).userId(), country, device, surface, at, Preferences.NONE), g));
        }
        return out;
    }
}
