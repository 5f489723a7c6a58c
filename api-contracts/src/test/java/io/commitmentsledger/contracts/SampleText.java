package io.commitmentsledger.contracts;

import java.util.Random;

/** Realistic free text for benchmarks and tests: progress notes of 150 to 450 characters in the seed story's words. */
public final class SampleText {

    private static final String[] WORDS = {
        "agencies",
        "met",
        "to",
        "agree",
        "the",
        "agenda",
        "for",
        "semiconductor",
        "cooperation",
        "and",
        "research",
        "funding",
        "calls",
        "were",
        "drafted",
        "with",
        "industry",
        "partners",
        "academia",
        "government",
        "report",
        "published",
        "next",
        "steps",
        "include",
        "a",
        "follow-up",
        "session",
        "in",
        "Tokyo",
        "London"
    };

    private SampleText() {}

    /** A progress note of 150 to 450 characters, drawn from {@code random} so a seeded run repeats itself. */
    public static String progressNote(Random random) {
        int length = 150 + random.nextInt(300);
        StringBuilder note = new StringBuilder("Progress on the joint workshop: ");
        while (note.length() < length) {
            note.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return note.toString().trim();
    }
}
