package io.commitmentsledger.benchmarks.standin;

public record LagSample(double seconds, long recordedNotPublished, long publishedNotApplied) {}
