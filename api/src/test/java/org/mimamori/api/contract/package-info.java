/** Tests of the input rules: what the service refuses, what it keeps exactly, and hostile traffic. */
package org.mimamori.api.contract;
