package io.sitechrome.consent;

import java.time.Instant;
import java.util.Set;

/**
 * Receives every cookie choice a visitor records, exactly once, so an application can
 * keep an audit trail of consent.
 */
@FunctionalInterface
public interface ConsentListener {

    /**
     * One recorded choice. {@code gpc} tells whether the browser sent Global Privacy Control with it.
     *
     * @param consentId the choice's random id, as stored in the consent cookie
     * @param time      when the choice was made, to the second
     * @param accepted  the ids of the categories accepted, required ones included
     * @param revision  the revision of the cookie settings the choice was made under
     * @param gpc       whether the browser sent Global Privacy Control with it
     */
    record Choice(String consentId, Instant time, Set<String> accepted, int revision, boolean gpc) {
    }

    /**
     * Called once for each choice a visitor records, after its cookie is set.
     *
     * @param choice the choice recorded
     */
    void recorded(Choice choice);
}
