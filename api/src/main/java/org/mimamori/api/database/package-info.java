/**
 * The database as the service sees it: a probe on its own connection decides whether the database answers
 * (readiness {@code database}); while it does not, requests that need it are answered 503 at once instead of
 * waiting on a stalled connection. Works the same for the embedded and an external MariaDB.
 */
package org.mimamori.api.database;
