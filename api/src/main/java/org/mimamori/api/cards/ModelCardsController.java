package org.mimamori.api.cards;

import org.mimamori.api.config.ProxyValidated;
import org.mimamori.api.problems.Languages;
import org.mimamori.api.security.Caller;
import org.mimamori.api.security.Roles;
import org.mimamori.api.web.ModelCardsApi;
import org.mimamori.api.web.dto.AccessPurpose;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/models/{version}/card}: a registered model's card (HTML) and its plots (PNG). */
@RestController
@ProxyValidated
class ModelCardsController implements ModelCardsApi {

    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final ModelCardService cards;

    ModelCardsController(ModelCardService cards) {
        this.cards = cards;
    }

    @Override
    public ResponseEntity<String> getModelCard(String version, AccessPurpose purpose, String lang,
                                               String acceptLanguage) {
        CardPages.Page page = cards.card(version, language(lang, acceptLanguage), caller());
        return ResponseEntity.ok().contentType(HTML)
                .header("Content-Security-Policy", page.contentSecurityPolicy()).body(page.html());
    }

    @Override
    public ResponseEntity<Resource> getModelCardPlot(String version, String plot, AccessPurpose purpose, String lang,
                                                     String acceptLanguage) {
        byte[] png = cards.plot(version, plot, language(lang, acceptLanguage), caller());
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).contentLength(png.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline").body(new ByteArrayResource(png));
    }

    /** The card's language: the one asked for ({@code lang}), else the reader's. */
    private static String language(String lang, String acceptLanguage) {
        return lang != null ? lang : Languages.of(acceptLanguage).getLanguage();
    }

    private static Caller caller() {
        return Caller.of(SecurityContextHolder.getContext().getAuthentication(), Roles.SUPERVISOR, Roles.ANALYST,
                Roles.AUDITOR, Roles.ADMIN);
    }
}
