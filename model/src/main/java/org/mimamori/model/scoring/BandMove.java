package org.mimamori.model.scoring;

import java.util.List;

import org.mimamori.model.metrics.ScoreBand;

/**
 * What would move a case into a neighbouring band: either any one of {@code changes} on its own
 * ({@code together == false}, smallest changes first), or all of them together when no single item suffices.
 * Shown so staff can see how close a case is to a boundary and which items drive it; never a target.
 *
 * @param direction {@code up} or {@code down}
 * @param band      the neighbouring band
 * @param together  true when the changes are needed together
 * @param changes   the changes
 */
public record BandMove(String direction, ScoreBand band, boolean together, List<ItemChange> changes) {
}
