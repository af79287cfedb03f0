-- Several instances on one database (docs/operations.md, "Several instances"): named leases, so that a job that
-- writes shared state (the retention schedule) runs on one instance per period (org.mimamori.api.cluster). A lease
-- is held by `holder` (an instance's mimamori.instance-id) until `lease_until`, by the holder's clock; a claim is
-- one conditional UPDATE (a row lock; no GET_LOCK, which Galera does not replicate). No case data.
CREATE TABLE cluster_lease (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    holder      VARCHAR(100) NOT NULL,
    lease_until TIMESTAMP(3) NOT NULL,
    claimed_at  TIMESTAMP(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
