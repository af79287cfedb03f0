package org.mimamori.api.cessation;

import java.util.Collection;
import java.util.Set;

/**
 * The register of children under a cessation-of-use request: whoever would use a child's records asks it first.
 * Both checks run in the caller's transaction (there must be one) and take a shared lock on what they read, so
 * a request being recorded meanwhile either waits for the caller's commit (and, for {@code erase}, then erases
 * what the caller wrote) or is seen by the caller.
 */
public interface Cessations {

    /**
     * @param childRef a child's reference
     * @return whether the child is under a cessation-of-use request (either mode)
     */
    boolean covers(String childRef);

    /**
     * @param childRefs children's references
     * @return those of them under a cessation-of-use request
     */
    Set<String> coveredAmong(Collection<String> childRefs);

    /**
     * An SQL condition that holds when the child reference in {@code childRefColumn} is not under a
     * cessation-of-use request, for reads that leave such children out (review lists, screening lists).
     *
     * @param childRefColumn a column holding a child reference, e.g. {@code s.child_ref}
     * @return the condition
     */
    static String notCovered(String childRefColumn) {
        return "NOT EXISTS (SELECT 1 FROM cessation ce WHERE ce.child_ref = " + childRefColumn + ")";
    }
}
