package io.sitechrome.consent;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A visitor's recorded cookie choice: the categories they accepted, under which revision
 * of the cookie settings, when, and a random id for the audit trail. {@link #NONE} means
 * no choice has been made (or the one on record no longer counts).
 *
 * @param accepted the ids of the categories accepted, in the settings' order
 * @param revision the revision of the cookie settings the choice was made under; negative for {@link #NONE}
 * @param time     when the choice was made
 * @param id       the choice's random id, URL-safe Base64; empty for {@link #NONE}
 */
public record ConsentState(Set<String> accepted, int revision, Instant time, String id) {

    /** No choice on record. */
    public static final ConsentState NONE = new ConsentState(Set.of(), -1, Instant.EPOCH, "");

    /**
     * Copies {@code accepted}, keeping its order, so the state stays immutable.
     *
     * @param accepted the ids of the categories accepted; not null
     * @param revision the settings' revision the choice was made under, or negative for no choice
     * @param time     when the choice was made
     * @param id       the choice's random id
     */
    public ConsentState {
        accepted = Collections.unmodifiableSet(new LinkedHashSet<>(accepted));
    }

    /**
     * Whether this is a choice the visitor actually made.
     *
     * @return false for {@link #NONE}
     */
    public boolean recorded() {
        return revision >= 0;
    }
}
