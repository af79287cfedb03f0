/** Tests of the supervisors' review endpoints and page against the running service. */
package org.mimamori.api.review;
