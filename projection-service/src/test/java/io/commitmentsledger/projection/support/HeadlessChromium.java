package io.commitmentsledger.projection.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

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
        return new String(run(List.of("--dump-dom", url), url), StandardCharsets.UTF_8);
    }

    /**
     * The document once its scripts had up to {@code budget} of virtual time to run (timers fire at once, the network
     * is waited for): for a page that a test's harness adds scripts to.
     */
    public static String renderAfterScripts(String url, Duration budget) {
        return new String(
                run(List.of("--virtual-time-budget=" + budget.toMillis(), "--dump-dom", url), url),
                StandardCharsets.UTF_8);
    }

    /** A PNG of the page as a 1280 pixel wide window shows its first {@code height} pixels. */
    public static void screenshot(String url, Path png, int height) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.deleteIfExists(png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(
                List.of(
                        "--screenshot=" + png.toAbsolutePath(),
                        "--window-size=1280," + height,
                        "--hide-scrollbars",
                        "--force-device-scale-factor=1",
                        url),
                url);
        if (!Files.isRegularFile(png)) {
            throw new IllegalStateException("Chromium wrote no screenshot of " + url);
        }
    }

    private static byte[] run(List<String> arguments, String url) {
        Path profile = null;
        try {
            profile = Files.createTempDirectory("chromium-profile");
            List<String> command = new ArrayList<>(List.of(
                    CHROMIUM.toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--user-data-dir=" + profile));
            command.addAll(arguments);
            Path out = profile.resolve("stdout");
            Process chromium = new ProcessBuilder(command)
                    .directory(profile.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(out.toFile())
                    .start();
            if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
                chromium.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("Chromium did not finish with " + url + " within 90 s");
            }
            if (chromium.exitValue() != 0) {
                throw new IllegalStateException("Chromium could not render " + url + ": exit " + chromium.exitValue());
            }
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (profile != null) {
                FileSystemUtils.deleteRecursively(profile.toFile());
            }
        }
    }
}
