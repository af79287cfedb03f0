package org.mimamori.model.bundle;

/** A file that is not a readable, consistent model bundle. */
public final class InvalidBundleException extends RuntimeException {

    /** Creates the exception. */
    public InvalidBundleException(String message) {
        super(message);
    }

    /** Creates the exception with a cause. */
    public InvalidBundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
