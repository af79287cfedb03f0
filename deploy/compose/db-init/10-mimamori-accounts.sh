# Sourced by the MariaDB image's entrypoint once, when it initialises an empty data volume
# (/docker-entrypoint-initdb.d). The SQL is deploy/db/create-accounts.sh's, the passwords the compose secrets.
deploy_sql=$(bash /opt/mimamori/create-accounts.sh --print \
  --owner-password-file /run/secrets/db-owner-password \
  --service-password-file /run/secrets/db-service-password \
  --auditor-password-file /run/secrets/db-auditor-password) || exit 1
docker_process_sql <<<"$deploy_sql"
unset deploy_sql
