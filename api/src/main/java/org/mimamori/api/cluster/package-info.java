/**
 * Several instances of the service on one database (docs/operations.md, "Several instances"): each instance's
 * stable {@link org.mimamori.api.cluster.InstanceId} ({@code mimamori.instance-id}, else host, process id and a
 * random part), and {@link org.mimamori.api.cluster.ClusterLeases}, leases in the table {@code cluster_lease}
 * (V16) that let a job that writes shared state (the retention schedule) run on one instance per period. A lease
 * is claimed with one conditional {@code UPDATE} (a row lock, no {@code GET_LOCK}, so it works on Galera too)
 * against the claiming instance's {@link java.time.Clock}; a holder that dies loses it when it expires.
 */
package org.mimamori.api.cluster;
