-- Runs once, when the compose PostgreSQL starts with an empty data directory.
-- Each service owns its own database; neither can read the other's. The passwords come from the container's
-- environment (compose.yaml passes LEDGER_DB_PASSWORD and PROJECTION_DB_PASSWORD from deploy/.env), never from here:
-- psql's \getenv reads them, and an unset one leaves :'...' unreplaced, which fails the script.
\getenv ledger_password LEDGER_DB_PASSWORD
\getenv projection_password PROJECTION_DB_PASSWORD

CREATE ROLE ledger LOGIN PASSWORD :'ledger_password';
CREATE DATABASE ledger OWNER ledger;

CREATE ROLE projection LOGIN PASSWORD :'projection_password';
CREATE DATABASE projection OWNER projection;
