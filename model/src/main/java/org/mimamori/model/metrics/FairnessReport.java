package org.mimamori.model.metrics;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * The result of a {@link FairnessAudit}: one {@link GroupResult} per (column, value), columns in the
 * order given, values in text order with {@value FairnessAudit#UNKNOWN} last.
 *
 * @param threshold the score threshold (flagged when score &gt;= threshold)
 * @param tolerance the band of unflagged disparity ratios
 * @param groups    the groups
 */
public record FairnessReport(double threshold, Tolerance tolerance, List<GroupResult> groups) {

    /** Copies the groups. */
    public FairnessReport {
        groups = List.copyOf(groups);
    }

    /**
     * The result for one group.
     *
     * @throws NoSuchElementException when there is no such group
     */
    public GroupResult group(String column, String value) {
        return groups.stream().filter(g -> g.column().equals(column) && g.value().equals(value)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no group " + column + "=" + value));
    }

    /** The groups of one column, in report order. */
    public List<GroupResult> groupsOf(String column) {
        return groups.stream().filter(g -> g.column().equals(column)).toList();
    }
}
