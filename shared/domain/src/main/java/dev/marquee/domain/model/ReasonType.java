package dev.marquee.domain.model;

import java.util.Locale;

/** Why an item was recommended; serialised as lower snake case. */
public enum ReasonType {
    BECAUSE_YOU_WATCHED,
    TRENDING_IN_COUNTRY,
    POPULAR_WITH_SIMILAR_USERS,
    NEW_RELEASE,
    EXPLORATION,
    PROMOTED,
    ONBOARDING_PREFERENCE,
    RECOMMENDED_FOR_YOU;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
