package io.commitmentsledger.projection.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of random values from a seeded {@link Random}, so that a run can be repeated from its seed. Just what the
 * fuzz test needs: choices, weighted choices, ranges, combinations, lists, and mapping and filtering. No shrinking: a
 * failing request is small enough to read, and the test reports it with the run's seed.
 */
@FunctionalInterface
interface Gen<T> {

    /** How often {@link #filter} draws again before it gives up on a predicate that almost never holds. */
    int FILTER_TRIES = 10_000;

    T next(Random random);

    default <R> Gen<R> map(Function<? super T, ? extends R> mapping) {
        return random -> mapping.apply(next(random));
    }

    default Gen<T> filter(Predicate<? super T> keep) {
        return random -> {
            for (int i = 0; i < FILTER_TRIES; i++) {
                T value = next(random);
                if (keep.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("no generated value passed the filter in " + FILTER_TRIES + " tries");
        };
    }

    /** Lists of 0 to {@code maxSize} values. */
    default Gen<List<T>> list(int maxSize) {
        return random -> {
            int size = random.nextInt(maxSize + 1);
            List<T> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(next(random));
            }
            return values;
        };
    }

    static <T> Gen<T> just(T value) {
        return random -> value;
    }

    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        return of(Arrays.asList(values));
    }

    static <T> Gen<T> of(List<T> values) {
        List<T> choices = List.copyOf(values);
        return random -> choices.get(random.nextInt(choices.size()));
    }

    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... generators) {
        List<Gen<? extends T>> choices = List.of(generators);
        return random -> choices.get(random.nextInt(choices.size())).next(random);
    }

    /** Picks a generator in proportion to its weight. */
    @SafeVarargs
    static <T> Gen<T> frequencyOf(Tuple.Tuple2<Integer, ? extends Gen<? extends T>>... weighted) {
        List<Tuple.Tuple2<Integer, ? extends Gen<? extends T>>> choices = List.of(weighted);
        int total = choices.stream().mapToInt(Tuple.Tuple2::get1).sum();
        return random -> {
            int pick = random.nextInt(total);
            for (Tuple.Tuple2<Integer, ? extends Gen<? extends T>> choice : choices) {
                pick -= choice.get1();
                if (pick < 0) {
                    return choice.get2().next(random);
                }
            }
            throw new IllegalStateException("weights changed while picking");
        };
    }

    /** From {@code min} to {@code max}, both included, evenly. */
    static Gen<Integer> integers(int min, int max) {
        return random -> min + random.nextInt(max - min + 1);
    }

    /** From {@code min} to {@code max}, both included, small values more often (the square of an even draw). */
    static Gen<Integer> biasedIntegers(int min, int max) {
        return random -> {
            double even = random.nextDouble();
            return min + (int) Math.floor(even * even * (max - min + 1));
        };
    }

    static Gen<Long> longs(long min, long max) {
        return random -> min + (long) Math.floor(random.nextDouble() * (max - min + 1));
    }

    static <A, B> Combined2<A, B> combine(Gen<A> a, Gen<B> b) {
        return new Combined2<>(random -> Tuple.of(a.next(random), b.next(random)));
    }

    static <A, B, C> Combined3<A, B, C> combine(Gen<A> a, Gen<B> b, Gen<C> c) {
        return new Combined3<>(a, b, c);
    }

    static <A, B, C, D> Combined4<A, B, C, D> combine(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d) {
        return new Combined4<>(a, b, c, d);
    }

    static <A, B, C, D, E> Combined5<A, B, C, D, E> combine(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Gen<E> e) {
        return new Combined5<>(a, b, c, d, e);
    }

    static <A, B, C, D, E, F> Combined6<A, B, C, D, E, F> combine(
            Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Gen<E> e, Gen<F> f) {
        return new Combined6<>(a, b, c, d, e, f);
    }

    static <A, B, C, D, E, F, G> Combined7<A, B, C, D, E, F, G> combine(
            Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Gen<E> e, Gen<F> f, Gen<G> g) {
        return new Combined7<>(a, b, c, d, e, f, g);
    }

    record Combined2<A, B>(Gen<Tuple.Tuple2<A, B>> pairs) {
        <R> Gen<R> as(F2<A, B, R> combine) {
            return pairs.map(pair -> combine.apply(pair.get1(), pair.get2()));
        }

        Combined2<A, B> filter(F2<A, B, Boolean> keep) {
            return new Combined2<>(pairs.filter(pair -> keep.apply(pair.get1(), pair.get2())));
        }
    }

    record Combined3<A, B, C>(Gen<A> a, Gen<B> b, Gen<C> c) {
        <R> Gen<R> as(F3<A, B, C, R> combine) {
            return random -> combine.apply(a.next(random), b.next(random), c.next(random));
        }
    }

    record Combined4<A, B, C, D>(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d) {
        <R> Gen<R> as(F4<A, B, C, D, R> combine) {
            return random -> combine.apply(a.next(random), b.next(random), c.next(random), d.next(random));
        }
    }

    record Combined5<A, B, C, D, E>(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Gen<E> e) {
        <R> Gen<R> as(F5<A, B, C, D, E, R> combine) {
            return random ->
                    combine.apply(a.next(random), b.next(random), c.next(random), d.next(random), e.next(random));
        }
    }

    record Combined6<A, B, C, D, E, F>(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Gen<E> e, Gen<F> f) {
        <R> Gen<R> as(F6<A, B, C, D, E, F, R> combine) {
            return random -> combine.apply(
                    a.next(random), b.next(random), c.next(random), d.next(random), e.next(random), f.next(random));
        }
    }

    record Combined7<A, B, C, D, E, F, G>(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Gen<E> e, Gen<F> f, Gen<G> g) {
        <R> Gen<R> as(F7<A, B, C, D, E, F, G, R> combine) {
            return random -> combine.apply(
                    a.next(random),
                    b.next(random),
                    c.next(random),
                    d.next(random),
                    e.next(random),
                    f.next(random),
                    g.next(random));
        }
    }

    interface F2<A, B, R> {
        R apply(A a, B b);
    }

    interface F3<A, B, C, R> {
        R apply(A a, B b, C c);
    }

    interface F4<A, B, C, D, R> {
        R apply(A a, B b, C c, D d);
    }

    interface F5<A, B, C, D, E, R> {
        R apply(A a, B b, C c, D d, E e);
    }

    interface F6<A, B, C, D, E, F, R> {
        R apply(A a, B b, C c, D d, E e, F f);
    }

    interface F7<A, B, C, D, E, F, G, R> {
        R apply(A a, B b, C c, D d, E e, F f, G g);
    }
}
