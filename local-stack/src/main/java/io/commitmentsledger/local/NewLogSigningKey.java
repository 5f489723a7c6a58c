package io.commitmentsledger.local;

import io.commitmentsledger.contracts.log.NoteSigner;

/**
 * Prints a new log signing key for a deployment: the private key on standard output (to put into the secret
 * store), its verifier key on standard error (to give subscribers and projection-service). The one argument is the
 * key's name, the log's origin, such as {@code ledger.example.org/log}.
 *
 * <pre>./mvnw -q -pl local-stack exec:java -Dexec.mainClass=io.commitmentsledger.local.NewLogSigningKey
 *     -Dexec.args=ledger.example.org/log</pre>
 */
public final class NewLogSigningKey {

    private NewLogSigningKey() {}

    public static void main(String[] args) {
        if (args.length != 1 || args[0].isBlank()) {
            System.err.println("Give the log's origin, the key's name: NewLogSigningKey ledger.example.org/log");
            System.exit(2);
        }
        String key = NoteSigner.generate(args[0]);
        System.out.println(key);
        System.err.println("Verifier key: " + NoteSigner.parse(key).verifier().verifierKey());
    }
}
