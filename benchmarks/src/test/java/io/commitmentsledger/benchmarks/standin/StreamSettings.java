package io.commitmentsledger.benchmarks.standin;

import java.time.Duration;

public record StreamSettings(int commitments, int eventsPerCommitment, Duration liveWindow) {}
