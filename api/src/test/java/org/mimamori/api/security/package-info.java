/** Tests of authentication, roles and the production guard. */
package org.mimamori.api.security;
