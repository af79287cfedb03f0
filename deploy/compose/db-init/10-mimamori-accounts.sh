# Sourced by the MariaDB image's entrypoint once, when it initialises an empty data volume
# (/docker-entrypoint-initdb.d). The SQL is deploy/db/create-accounts.sh's, the passwords the compose secrets.
# (The two paths can be changed for deploy/test/compose-init.sh, which runs this against Debian's MariaDB.)
deploy_secrets=${MIMAMORI_SECRETS_DIR:-/run/secrets}
deploy_sql=$(bash "${MIMAMORI_CREATE_ACCOUNTS:-/opt/mimamori/create-accounts.sh}" --print \
  --owner-password-file "$deploy_secrets/db-owner-password" \
  --service-password-file "$deploy_secrets/db-service-password" \
  --auditor-password-file "$deploy_secrets/db-auditor-password") || exit 1
docker_process_sql <<<"$deploy_sql"
unset deploy_sql deploy_secrets
