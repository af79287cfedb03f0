package org.mimamori.api.support;

import org.mimamori.client.ApiClient;
import org.mimamori.client.api.AuditApi;
import org.mimamori.client.api.CorrectionsApi;
import org.mimamori.client.api.DecisionsApi;
import org.mimamori.client.api.DisclosureApi;
import org.mimamori.client.api.ModelsApi;
import org.mimamori.client.api.ReviewApi;
import org.mimamori.client.api.ScoresApi;
import org.mimamori.client.api.ScreeningsApi;

/** Generated API clients for a running server, one per bearer token. */
public final class Clients {

    private final int port;

    /** Clients of the server on {@code port}. */
    public Clients(int port) {
        this.port = port;
    }

    /** An API client sending {@code token} (none when null). */
    public ApiClient api(String token) {
        ApiClient c = new ApiClient();
        c.setBasePath("http://127.0.0.1:" + port);
        if (token != null) {
            c.setBearerToken(token);
        }
        return c;
    }

    /** The scores API as the holder of {@code token}. */
    public ScoresApi scores(String token) {
        return new ScoresApi(api(token));
    }

    /** The models API as the holder of {@code token}. */
    public ModelsApi models(String token) {
        return new ModelsApi(api(token));
    }

    /** The audit API as the holder of {@code token}. */
    public AuditApi audit(String token) {
        return new AuditApi(api(token));
    }

    /** The monitoring API (drift and data quality) as the holder of {@code token}. */
    public org.mimamori.client.api.DriftApi drift(String token) {
        return new org.mimamori.client.api.DriftApi(api(token));
    }

    /** The screenings API as the holder of {@code token}. */
    public ScreeningsApi screenings(String token) {
        return new ScreeningsApi(api(token));
    }

    /** The decisions API (decisions, sign-offs, outcomes) as the holder of {@code token}. */
    public DecisionsApi decisions(String token) {
        return new DecisionsApi(api(token));
    }

    /** The supervisors' review API as the holder of {@code token}. */
    public ReviewApi review(String token) {
        return new ReviewApi(api(token));
    }

    /** The disclosure API (what is held about a child) as the holder of {@code token}. */
    public DisclosureApi disclosure(String token) {
        return new DisclosureApi(api(token));
    }

    /** The corrections API as the holder of {@code token}. */
    public CorrectionsApi corrections(String token) {
        return new CorrectionsApi(api(token));
    }
}
