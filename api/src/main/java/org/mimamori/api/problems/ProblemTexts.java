package org.mimamori.api.problems;

import java.net.URI;
import java.util.Locale;

import org.mimamori.model.schema.LocalizedText;
import org.springframework.http.HttpStatus;

/**
 * The fixed wording of problems: titles by status, and the details of problems raised outside the controllers
 * (Tomcat, the {@code /error} page), in both languages.
 */
final class ProblemTexts {

    /** The detail of every 400 with an {@code errors} list. */
    static final LocalizedText INVALID = new LocalizedText("リクエストに誤りがあります（errors を参照）。何も保存していません。",
            "The request is invalid; see errors. Nothing was stored.");

    private ProblemTexts() {
    }

    /** What went wrong, for people, by status; never the container's own message. */
    static LocalizedText detail(int status) {
        return switch (status) {
            case 400 -> new LocalizedText("リクエストを読めませんでした（アドレスの形式、パーセントエンコーディング、ヘッダーの誤りなど）。",
                    "The request could not be read (e.g. a malformed address, bad percent-encoding or headers).");
            case 401 -> new LocalizedText("有効なベアラートークンが必要です。", "A valid bearer token is needed.");
            case 403 -> new LocalizedText("あなたの役割ではこの操作はできません。", "Your role may not do this.");
            case 404 -> new LocalizedText("このアドレスには何もありません。", "There is nothing at this address.");
            case 405 -> new LocalizedText("このアドレスはこのメソッドを受け付けません。", "This address does not take this method.");
            case 406 -> new LocalizedText("応答は JSON（application/json または application/problem+json）でのみ返せます。",
                    "The answer can only be JSON (application/json or application/problem+json).");
            case 408 -> new LocalizedText("リクエストの到着に時間がかかりすぎました。", "The request took too long to arrive.");
            case 411 -> new LocalizedText("リクエストには Content-Length か chunked の本文が必要です。",
                    "The request needs a Content-Length or a chunked body.");
            case 413 -> new LocalizedText("リクエストが上限を超えています。何も保存していません。",
                    "The request is larger than allowed. Nothing was stored.");
            case 414 -> new LocalizedText("アドレスが長すぎます。", "The address is too long.");
            case 415 -> new LocalizedText("このアドレスはこのメディアタイプの本文を読みません。",
                    "The body's media type is not one this address reads.");
            case 431 -> new LocalizedText("リクエストのヘッダーが大きすぎます。", "The request's headers are too large.");
            case 501 -> new LocalizedText("このメソッドは実装されていません。", "This method is not implemented.");
            case 503 -> new LocalizedText("サービスは現在利用できません。", "The service is not available right now.");
            default -> status >= 500
                    ? new LocalizedText("予期しないエラーが発生しました。記録済みです。", "An unexpected error occurred; it was logged.")
                    : new LocalizedText("リクエストは受け付けられませんでした。", "The request was refused.");
        };
    }

    /** The title of a status in the reader's language, e.g. {@code Not Found} or {@code 見つかりません}. */
    static String title(int status, Locale locale) {
        return title(status).in(locale);
    }

    private static LocalizedText title(int status) {
        String ja = switch (status) {
            case 400 -> "リクエストの誤り"; // not 不正 (it reads as "improper" or "fraudulent")
            case 401 -> "認証が必要です";
            case 403 -> "権限がありません";
            case 404 -> "見つかりません";
            case 405 -> "許可されていないメソッド";
            case 406 -> "応答形式を選べません";
            case 408 -> "リクエストのタイムアウト";
            case 409 -> "記録と矛盾します";
            case 411 -> "長さが必要です";
            case 413 -> "リクエストが大きすぎます";
            case 414 -> "アドレスが長すぎます";
            case 415 -> "対応していないメディアタイプ";
            case 422 -> "処理できない内容";
            case 429 -> "リクエストが多すぎます";
            case 431 -> "ヘッダーが大きすぎます";
            case 501 -> "未実装";
            case 503 -> "サービス利用不可";
            default -> status >= 500 ? "サーバーエラー" : "エラー";
        };
        HttpStatus s = HttpStatus.resolve(status);
        return new LocalizedText(ja, status == 400 ? "Invalid request" : s == null ? "Error" : s.getReasonPhrase());
    }

    /** A problem as JSON text, for writers without an object mapper. */
    static String json(int status, Locale locale) {
        URI type = ProblemTypes.of(org.springframework.http.HttpStatusCode.valueOf(status));
        return "{\"type\":\"" + type + "\",\"title\":\"" + title(status, locale) + "\",\"status\":" + status
                + ",\"detail\":\"" + detail(status).in(locale) + "\"}";
    }
}
