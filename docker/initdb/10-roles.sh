#!/bin/bash
# Run once by the postgres image on an empty data volume, as its superuser: the least-privilege
# roles of db/roles.sql (mounted beside this script), then the login roles' passwords.
set -euo pipefail
: "${CAMPAIGNS_DB_OWNER_PASSWORD:?set CAMPAIGNS_DB_OWNER_PASSWORD}"
: "${CAMPAIGNS_DB_APP_PASSWORD:?set CAMPAIGNS_DB_APP_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -f "$(dirname "$0")/roles.sql.include"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v owner_password="$CAMPAIGNS_DB_OWNER_PASSWORD" -v app_password="$CAMPAIGNS_DB_APP_PASSWORD" \
     -v database="$POSTGRES_DB" <<'SQL'
ALTER ROLE campaigns_owner PASSWORD :'owner_password';
ALTER ROLE campaigns_app PASSWORD :'app_password';
ALTER DATABASE :"database" OWNER TO campaigns_owner;
SQL
