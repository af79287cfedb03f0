package org.mimamori.api.config;

import java.util.concurrent.Semaphore;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The work permit of the current request ({@link WorkGate}): a request about to wait for something other than
 * the CPU (its score's group commit) gives it back, so that the permits count work, not waiting.
 */
public final class WorkPermits {

    private WorkPermits() {
    }

    /**
     * Gives back the current request's work permit, if it holds one; it is not taken again (what is left of the
     * request is writing an answer that is already made). Outside a request, or called twice, it does nothing.
     */
    public static void stepAside() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
            release(a.getRequest());
        }
    }

    static void release(HttpServletRequest request) {
        if (request.getAttribute(WorkGate.HELD) instanceof Semaphore permits) {
            request.removeAttribute(WorkGate.HELD);
            permits.release();
        }
    }
}
