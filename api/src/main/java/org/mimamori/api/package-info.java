/**
 * The Mimamori scoring service: explained estimates of a child's need for support, served to caseworkers'
 * case software over the HTTP contract {@code src/main/openapi/mimamori.yaml}.
 *
 * <p>Packages are cut by feature: {@code scoring}, {@code models}, {@code audit}, {@code security},
 * {@code problems} and {@code config}. Inside a feature, the HTTP edge (controllers implementing the generated
 * interfaces of {@code org.mimamori.api.web}) calls application services, which alone use the persistence
 * repositories. The service never acts on a score: a person always decides.
 */
package org.mimamori.api;
