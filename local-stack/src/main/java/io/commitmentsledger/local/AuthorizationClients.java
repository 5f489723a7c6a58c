package io.commitmentsledger.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The local authorization server's clients: one for each seed agency, an auditor and an admin, written with a random
 * secret each to {@code <data>/authorization/clients.properties} on the first start (readable by its owner only) and
 * kept between runs. The server reads the file as configuration ({@code ledger.authorization.clients.<id>.secret},
 * {@code .agency}, {@code .roles}); the seed loader and anyone with a shell take their secrets from it.
 */
public record AuthorizationClients(Path file, boolean created) {

    public static final String DIRECTORY = "authorization";
    public static final String FILE_NAME = "clients.properties";
    static final String PREFIX = "ledger.authorization.clients.";

    /** One client of the local stack and the claims of its tokens. */
    public record Client(String id, @Nullable String agency, String role) {}

    /** Who may do what on the local ledger. */
    public static final List<Client> ROSTER = List.of(
            new Client("jp-meti", "JP/METI", "agency"),
            new Client("jp-mic", "JP/MIC", "agency"),
            new Client("jp-digital", "JP/DIGITAL", "agency"),
            new Client("gb-dsit", "GB/DSIT", "agency"),
            new Client("auditor", null, "auditor"),
            new Client("admin", null, "admin"));

    private static final Set<PosixFilePermission> SHARED = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The clients file under {@code dataDirectory}: written with a new secret for each client on the first start, and
     * for a client of the roster it lacks later; the secrets it has are kept.
     */
    public static AuthorizationClients ensure(Path dataDirectory) throws IOException {
        Path directory = dataDirectory.resolve(DIRECTORY);
        Path file = directory.resolve(FILE_NAME);
        Properties existing = new Properties();
        boolean created = !Files.exists(file);
        if (!created) {
            refuseIfShared(file);
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                existing.load(reader);
            }
        }
        StringBuilder text = new StringBuilder("""
                # The local authorization server's clients, written by ./run-ledger on its first start: keep this file
                # private. Each token names the client's agency (none for the auditor and the admin) and its roles.
                # A token for one, e.g. GB/DSIT's:
                #   curl -s -u gb-dsit:<its secret> -d grant_type=client_credentials http://localhost:9000/oauth2/token
                """);
        for (Client client : ROSTER) {
            String secret = existing.getProperty(PREFIX + client.id() + ".secret");
            if (secret == null || secret.isBlank()) {
                secret = newSecret();
            }
            text.append(PREFIX)
                    .append(client.id())
                    .append(".secret=")
                    .append(secret)
                    .append('\n');
            if (client.agency() != null) {
                text.append(PREFIX)
                        .append(client.id())
                        .append(".agency=")
                        .append(client.agency())
                        .append('\n');
            }
            text.append(PREFIX)
                    .append(client.id())
                    .append(".roles=")
                    .append(client.role())
                    .append('\n');
        }
        if (created || !Files.readString(file, StandardCharsets.UTF_8).contentEquals(text)) {
            write(directory, file, text.toString());
        }
        return new AuthorizationClients(file, created);
    }

    /** The secret this file gives a client, null if none. */
    public @Nullable String secret(String clientId) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return properties.getProperty(PREFIX + clientId + ".secret");
    }

    /** 256 random bits, base64url: nothing in them needs escaping in a properties file, a URL or HTTP Basic. */
    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Written beside it, owner-only from the start, then moved into place: never readable by others, never half. */
    private static void write(Path directory, Path file, String text) throws IOException {
        Files.createDirectories(directory);
        Path partial;
        if (posix(directory)) {
            partial = Files.createTempFile(
                    directory,
                    ".clients",
                    ".partial",
                    PosixFilePermissions.asFileAttribute(
                            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
        } else {
            partial = Files.createTempFile(directory, ".clients", ".partial");
        }
        try {
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void refuseIfShared(Path file) throws IOException {
        if (!posix(file)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(SHARED::contains)) {
            throw new IllegalStateException(file + " holds the clients' secrets but others may read or write it ("
                    + PosixFilePermissions.toString(permissions) + "): chmod 600 " + file);
        }
    }

    private static boolean posix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }
}
