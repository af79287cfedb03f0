package org.mimamori.api.problems;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report, for errors that never reach the application (a malformed address or bad
 * percent-encoding), as problem details instead of an HTML page. An unsupported HTTP version (Tomcat's 505) is
 * answered 400: it is the client's mistake. Public because Tomcat creates it by class
 * name (see {@code TomcatProblemConfiguration}).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    /** Created by Tomcat. */
    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        if (status == 505) {
            // An unknown HTTP version is the client's mistake: 4xx, never 5xx, for client mistakes.
            status = 400;
            response.setStatus(status);
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            Locale locale = Languages.of(request.getHeader("Accept-Language"));
            response.setContentType("application/problem+json");
            response.setHeader("Content-Language", locale.getLanguage());
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ProblemTexts.json(status, locale));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone; nothing more can be said
        }
    }
}
