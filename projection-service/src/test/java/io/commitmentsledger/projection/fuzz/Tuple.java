package io.commitmentsledger.projection.fuzz;

/** Pairs, for generators: a weight and a generator in {@link Gen#frequencyOf}, or two generated values. */
final class Tuple {

    record Tuple2<A, B>(A get1, B get2) {}

    private Tuple() {}

    static <A, B> Tuple2<A, B> of(A first, B second) {
        return new Tuple2<>(first, second);
    }
}
