package io.commitmentsledger.projection.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real browser: Debian's Chromium, headless, loading a page and handing back the DOM it rendered. Flags keep it off
 * the network except for the page (this machine's network is closed) and away from any profile.
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private HeadlessChromium() {}

    /** Whether a Chromium is installed here; {@code .ci/run} installs Debian's. */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    /** The document as the browser rendered it. */
    public static String render(String url) {
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            Process chromium = new ProcessBuilder(List.of(
                            CHROMIUM.toString(),
                            "--headless",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-quic",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--user-data-dir=" + profile,
                            "--dump-dom",
                            url))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] dom = chromium.getInputStream().readAllBytes();
            if (!chromium.waitFor(60, TimeUnit.SECONDS) || chromium.exitValue() != 0) {
                chromium.destroyForcibly();
                throw new IllegalStateException("Chromium could not render " + url);
            }
            return new String(dom, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
