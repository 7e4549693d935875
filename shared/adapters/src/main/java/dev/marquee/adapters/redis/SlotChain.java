package dev.marquee.adapters.redis;

import java.util.List;

/**
 * The script calls of one slot group (a user, an item, a trending set), run one after the other so the group's
 * events apply in batch order; different chains touch different keys and run concurrently. {@code countsEvents}
 * marks the user chains, whose replies say which events were new.
 */
record SlotChain(List<ScriptCall> calls, boolean countsEvents) {

    SlotChain {
        calls = List.copyOf(calls);
    }
}
