-- Runs once, when the compose PostgreSQL starts with an empty data directory.
-- Each service owns its own database; neither can read the other's.
CREATE ROLE ledger LOGIN PASSWORD 'ledger';
CREATE DATABASE ledger OWNER ledger;

CREATE ROLE projection LOGIN PASSWORD 'projection';
CREATE DATABASE projection OWNER projection;
