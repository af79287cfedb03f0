package org.mimamori.api.cluster;

/**
 * This instance's name among the instances sharing the database: {@code mimamori.instance-id} when set (e.g. the
 * pod's name), else {@code <host>-<pid>-<random>}. Stable for the life of the process, logged at start and
 * exposed as the metric {@code mimamori_instance_info{instance}}; the holder of the leases it claims.
 */
public interface InstanceId {

    /** @return the id: 1 to 100 letters, digits, {@code . _ : -} */
    String value();
}
