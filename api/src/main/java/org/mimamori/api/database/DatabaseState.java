package org.mimamori.api.database;

/** Whether the database answered its last probe. */
public interface DatabaseState {

    /**
     * @return true when the last probe was answered
     */
    boolean isAvailable();
}
