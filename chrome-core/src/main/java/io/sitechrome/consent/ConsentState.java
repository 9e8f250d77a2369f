package io.sitechrome.consent;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A visitor's recorded cookie choice: the categories they accepted, under which revision
 * of the cookie settings, when, and a random id for the audit trail. {@link #NONE} means
 * no choice has been made (or the one on record no longer counts).
 */
public record ConsentState(Set<String> accepted, int revision, Instant time, String id) {

    /** No choice on record. */
    public static final ConsentState NONE = new ConsentState(Set.of(), -1, Instant.EPOCH, "");

    public ConsentState {
        accepted = Collections.unmodifiableSet(new LinkedHashSet<>(accepted));
    }

    /** Whether this is a choice the visitor actually made. */
    public boolean recorded() {
        return revision >= 0;
    }
}
