package org.mimamori.api.cards;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a bundle's card page safe to serve on its own: each plot it refers to ({@code <img src="plots/…png">},
 * a bundle entry) is embedded as a {@code data:} image, and the page gets a Content-Security-Policy that lets
 * nothing load or run but those images and the page's own {@code <style>} elements (by their SHA-256 hashes).
 */
final class CardPages {

    /** The page with its plots embedded, and the policy to serve it with. */
    record Page(String html, String contentSecurityPolicy) {
    }

    private static final Pattern IMG = Pattern.compile("<img src=\"([^\"]+)\"");
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    private CardPages() {
    }

    /**
     * @param html    the card as written by the training tool
     * @param entries a bundle entry's bytes by name, empty when absent
     */
    static Page page(String html, Function<String, Optional<byte[]>> entries) {
        Matcher m = IMG.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String src = m.group(1).replace("&amp;", "&");
            Optional<byte[]> png = src.startsWith("plots/") && src.endsWith(".png") ? entries.apply(src)
                    : Optional.empty();
            String replaced = png.map(b -> "data:image/png;base64," + Base64.getEncoder().encodeToString(b))
                    .orElse(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement("<img src=\"" + replaced + "\""));
        }
        m.appendTail(out);
        String page = out.toString();
        List<String> hashes = new ArrayList<>();
        Matcher s = STYLE.matcher(page);
        while (s.find()) {
            hashes.add("'sha256-" + sha256(s.group(1)) + "'");
        }
        String styles = hashes.isEmpty() ? "'none'" : String.join(" ", hashes);
        return new Page(page, "default-src 'none'; style-src " + styles + "; img-src data:; form-action 'none'; "
                + "base-uri 'none'; frame-ancestors 'none'");
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
