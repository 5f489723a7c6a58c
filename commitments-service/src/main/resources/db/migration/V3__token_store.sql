-- Where event processors (the Kafka publisher) keep their position in the event store, with the snake-case names
-- EventStoreConfiguration.tokenSchema() gives Axon. Written in the same transaction as the processor's work.
CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);
