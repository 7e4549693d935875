package dev.marquee.domain.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A population slice for popularity lists: country and device, either of which may be unknown (null = any).
 * {@link #key()} is the stable string the candidate store keys segment lists by.
 */
public record Segment(String country, String device) {
    public static final Segment GLOBAL = new Segment(null, null);

    public String key() {
        return (country == null ? "*" : country) + "|" + (device == null ? "*" : device);
    }

    /** This segment and its broader parents, most specific first: (US, tv), (US, *), (*, tv), (*, *). */
    public List<Segment> fallbacks() {
        List<Segment> chain = new ArrayList<>(4);
        chain.add(this);
        if (country != null && device != null) {
            chain.add(new Segment(country, null));
            chain.add(new Segment(null, device));
        }
        if (!this.equals(GLOBAL)) {
            chain.add(GLOBAL);
        }
        return List.copyOf(chain);
    }
}
