package org.mimamori.api.cards;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.mimamori.api.audit.AuditEntry;
import org.mimamori.api.audit.AuditTrail;
import org.mimamori.api.models.RegisteredBundles;
import org.mimamori.api.problems.FieldProblem;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.api.problems.NotFoundException;
import org.mimamori.api.security.Caller;
import org.mimamori.model.bundle.ModelBundle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a registered model's card and plots from its bundle (the entries the training tool writes:
 * {@code model-card.html}, {@code model-card.ja.html}, {@code plots/x.png}, {@code plots/ja/x.png}); every read
 * is audited in the same transaction.
 */
@Service
class ModelCardService {

    private final RegisteredBundles bundles;
    private final AuditTrail audit;
    private final Clock clock;

    ModelCardService(RegisteredBundles bundles, AuditTrail audit, Clock clock) {
        this.bundles = bundles;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    CardPages.Page card(String version, String lang, Caller caller) {
        boolean ja = ja(lang);
        ModelBundle bundle = bundle(version);
        byte[] html = bundle.entry(ja ? "model-card.ja.html" : "model-card.html").orElseThrow(
                () -> new NotFoundException("モデル " + version + " には" + (ja ? "日本語" : "英語")
                        + "のモデルカードがありません（バンドルがモデルカードなしで作成されています）。",
                        "Model " + version + " has no model card in " + (ja ? "Japanese" : "English")
                        + " (its bundle was made without one)."));
        CardPages.Page page = CardPages.page(new String(html, StandardCharsets.UTF_8), bundle::entry);
        record(caller, "model.card", "model/" + version + "/card");
        return page;
    }

    @Transactional
    byte[] plot(String version, String plot, String lang, Caller caller) {
        boolean ja = ja(lang);
        ModelBundle bundle = bundle(version);
        byte[] png = bundle.entry((ja ? "plots/ja/" : "plots/") + plot).orElseThrow(
                () -> new NotFoundException("モデル " + version + " のモデルカードには図 " + plot + " がありません。",
                        "Model " + version + "'s card has no plot " + plot + "."));
        record(caller, "model.card_plot", "model/" + version + "/card/" + plot);
        return png;
    }

    private ModelBundle bundle(String version) {
        return bundles.bundle(version).orElseThrow(
                () -> new NotFoundException("バージョン " + version + " のモデルは登録されていません。",
                        "No model with version " + version + " is registered."));
    }

    private static boolean ja(String lang) {
        if (lang != null && !lang.equals("ja") && !lang.equals("en")) {
            throw new InvalidRequestException(List.of(new FieldProblem("lang", "ja または en でなければなりません",
                    "must be ja or en")));
        }
        return "ja".equals(lang);
    }

    private void record(Caller caller, String action, String resource) {
        audit.record(AuditEntry.ok(clock.instant().truncatedTo(ChronoUnit.MILLIS), caller.name(), caller.role(),
                action, resource, null));
    }
}
