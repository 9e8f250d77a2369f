package io.sitechrome.consent;

import java.time.Instant;
import java.util.Set;

/**
 * Receives every cookie choice a visitor records, exactly once, so an application can
 * keep an audit trail of consent.
 */
@FunctionalInterface
public interface ConsentListener {

    /** One recorded choice. {@code gpc} tells whether the browser sent Global Privacy Control with it. */
    record Choice(String consentId, Instant time, Set<String> accepted, int revision, boolean gpc) {
    }

    void recorded(Choice choice);
}
