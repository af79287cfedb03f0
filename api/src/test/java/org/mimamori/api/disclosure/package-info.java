/** Tests of disclosure and correction through the generated client, the running service and a real browser. */
package org.mimamori.api.disclosure;
