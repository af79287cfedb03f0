package org.mimamori.api.config;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mimamori.api.problems.UnavailableException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Separates waiting for clients from working for them. Tomcat has many request threads so that slow clients
 * (who hold a thread while their body arrives) cannot starve the service; but scoring is CPU-bound, and many
 * threads time-slicing two cores give long tails (docs/benchmarks.md). So once a request's body is read and
 * checked, its work — scoring, the database, writing the answer — runs only while it holds one of
 * {@code mimamori.server.workers} permits (default twice the processors). A request that waits longer than
 * {@code mimamori.server.work-wait} for a permit is answered 503. Health and the static page are not gated.
 * A request that only waits — for its score's group commit, say — gives its permit back first
 * ({@link WorkPermits#stepAside()}), so that waiting is not work and others may score meanwhile.
 */
@Configuration(proxyBeanMethods = false)
class WorkGate implements WebMvcConfigurer, HandlerInterceptor {

    /** The request attribute holding the semaphore whose permit the request holds. */
    static final String HELD = WorkGate.class.getName() + ".held";

    private final Semaphore permits;
    private final long waitMillis;

    WorkGate(@Value("${mimamori.server.workers:0}") int workers,
             @Value("${mimamori.server.work-wait:10s}") java.time.Duration wait) {
        int n = workers > 0 ? workers : 2 * Runtime.getRuntime().availableProcessors();
        this.permits = new Semaphore(n, true);
        this.waitMillis = wait.toMillis();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Last of the interceptors: the contract check has read the body before a permit is taken.
        registry.addInterceptor(this).addPathPatterns("/api/**").order(Ordered.LOWEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        if (!permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
            throw new UnavailableException(UnavailableException.BUSY);
        }
        request.setAttribute(HELD, permits);
        return true;
    }

    /** Permits free now. */
    int available() {
        return permits.availablePermits();
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        WorkPermits.release(request);
    }
}
