package org.mimamori.api.support;

import org.mimamori.client.model.AccessPurpose;
import java.time.Duration;
import java.util.UUID;

import org.mimamori.client.api.ScreeningsApi;
import org.mimamori.client.model.Screening;
import org.mimamori.client.model.ScreeningStatus;

/** Waiting for screening jobs. */
public final class Screenings {

    private Screenings() {
    }

    /** The screening once it is done or failed (at most 120 s). */
    public static Screening await(ScreeningsApi api, UUID id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            Screening s = api.getScreening(id, AccessPurpose.SCREENING);
            if (s.getStatus() == ScreeningStatus.DONE || s.getStatus() == ScreeningStatus.FAILED) {
                return s;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("screening " + id + " did not finish in 120 s");
    }
}
