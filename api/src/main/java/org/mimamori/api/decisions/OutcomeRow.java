package org.mimamori.api.decisions;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of {@code outcome}: what happened after a score, the next model's label.
 *
 * @param id            the outcome's id
 * @param scoreId       the score
 * @param needConfirmed whether staff confirmed a need for support
 * @param supportTypes  comma-separated support types, empty when none
 * @param confirmedOn   the day it was confirmed (or ruled out)
 * @param recordedBy    who recorded it
 * @param recordedAt    when
 */
public record OutcomeRow(String id, String scoreId, boolean needConfirmed, String supportTypes, LocalDate confirmedOn,
                  String recordedBy, Instant recordedAt) {
}
