/**
 * Fault tests: the JVM killed, the embedded database killed or stalled, slow clients. Each runs the real
 * service against a real embedded MariaDB and checks what the operator and the caller see.
 */
package org.mimamori.api.faults;
