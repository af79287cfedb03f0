package org.mimamori.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mimamori.api.problems.UnavailableException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The work gate's permits: taken once a request's body is checked, given back once — early when it only waits. */
class WorkGateTest {

    private final WorkGate gate = new WorkGate(2, Duration.ofMillis(50));
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aRequestThatStepsAsideFreesItsPermitForAnotherAndIsNotCountedTwice() throws Exception {
        MockHttpServletRequest first = new MockHttpServletRequest();
        MockHttpServletRequest second = new MockHttpServletRequest();
        MockHttpServletRequest third = new MockHttpServletRequest();
        assertThat(gate.preHandle(first, response, null)).isTrue();
        assertThat(gate.preHandle(second, response, null)).isTrue();
        assertThatThrownBy(() -> gate.preHandle(third, response, null)).isInstanceOf(UnavailableException.class);

        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(first));
        WorkPermits.stepAside();
        WorkPermits.stepAside(); // twice: still one permit back
        assertThat(gate.available()).isEqualTo(1);
        assertThat(gate.preHandle(third, response, null)).isTrue();

        gate.afterCompletion(first, response, null, null); // gave its permit back already
        assertThat(gate.available()).isZero();
        gate.afterCompletion(second, response, null, null);
        gate.afterCompletion(third, response, null, null);
        assertThat(gate.available()).isEqualTo(2);
    }

    @Test
    void steppingAsideOutsideARequestOrWithoutAPermitDoesNothing() throws Exception {
        WorkPermits.stepAside();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        WorkPermits.stepAside();
        MockHttpServletRequest held = new MockHttpServletRequest();
        gate.preHandle(held, response, null);
        assertThat(gate.available()).isEqualTo(1);
    }
}
