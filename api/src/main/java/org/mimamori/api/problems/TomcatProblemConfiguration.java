package org.mimamori.api.problems;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * Makes Tomcat report errors that never reach the application as problem details: the host's HTML
 * {@link ErrorReportValve} is replaced by {@link ProblemErrorReportValve} before the host's pipeline starts.
 */
@Configuration(proxyBeanMethods = false)
class TomcatProblemConfiguration implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                replaceErrorReport(context.getParent());
            }
        }));
    }

    private static void replaceErrorReport(Container host) {
        if (host == null) {
            return;
        }
        boolean ours = false;
        for (Valve v : host.getPipeline().getValves()) {
            if (v instanceof ProblemErrorReportValve) {
                ours = true;
            } else if (v instanceof ErrorReportValve) {
                host.getPipeline().removeValve(v);
            }
        }
        if (!ours) {
            host.getPipeline().addValve(new ProblemErrorReportValve());
        }
    }
}
