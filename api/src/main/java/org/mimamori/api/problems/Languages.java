package org.mimamori.api.problems;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one rule for the reader's language: Japanese when the caller's first language ({@code Accept-Language}) is
 * Japanese, English otherwise. Explanations, labels and problem texts all follow it.
 */
public final class Languages {

    private Languages() {
    }

    /**
     * The language of an {@code Accept-Language} header.
     *
     * @param acceptLanguage the header, or null
     * @return {@link Locale#JAPANESE} or {@link Locale#ENGLISH}
     */
    public static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            return !ranges.isEmpty() && ranges.get(0).getRange().toLowerCase(Locale.ROOT).startsWith("ja")
                    ? Locale.JAPANESE : Locale.ENGLISH;
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
    }

    /** The language of the request being served on this thread, English outside a request. */
    static Locale current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes s
                ? of(s.getRequest().getHeader(HttpHeaders.ACCEPT_LANGUAGE)) : Locale.ENGLISH;
    }
}
