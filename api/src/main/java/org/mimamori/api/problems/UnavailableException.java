package org.mimamori.api.problems;

import org.mimamori.model.schema.LocalizedText;

/** The service cannot serve the request now, e.g. no active model yet (503). */
public class UnavailableException extends ProblemException {

    /** Too many requests at once. */
    public static final LocalizedText BUSY = new LocalizedText(
            "サービスが混み合っています。何も保存していません。少し待ってからもう一度お試しください。",
            "The service is busy; nothing was stored. Try again in a moment.");
    /** The instance is shutting down. */
    public static final LocalizedText STOPPING = new LocalizedText("サービスは停止中です。何も保存していません。",
            "The service is stopping; nothing was stored.");

    /**
     * @param text what went wrong, for people, in both languages
     */
    public UnavailableException(LocalizedText text) {
        super(text);
    }

    /**
     * @param ja the Japanese text
     * @param en the English text
     */
    public UnavailableException(String ja, String en) {
        super(new LocalizedText(ja, en));
    }
}
