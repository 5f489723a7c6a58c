package io.commitmentsledger.deploy;

import static io.commitmentsledger.deploy.YamlTrees.cast;
import static io.commitmentsledger.deploy.YamlTrees.documents;
import static io.commitmentsledger.deploy.YamlTrees.list;
import static io.commitmentsledger.deploy.YamlTrees.map;
import static io.commitmentsledger.deploy.YamlTrees.optionalString;
import static io.commitmentsledger.deploy.YamlTrees.read;
import static io.commitmentsledger.deploy.YamlTrees.singleDocument;
import static io.commitmentsledger.deploy.YamlTrees.string;
import static io.commitmentsledger.deploy.YamlTrees.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.commitmentsledger.contracts.events.EventTypes;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing under {@code deploy/} can run on the build machine (no container engine, no cluster), so this test keeps it
 * in step with the services instead. Every environment variable the compose file, the Kubernetes manifests and the
 * Dockerfile give a service must name one of its properties, as Spring Boot's configuration metadata describes them
 * ({@link ServiceConfiguration}), with a value of that property's type; the settings a container cannot do without
 * are set; ports, probe paths, topics and partitions, databases and the image agree with what the services run with.
 *
 * <p>Runs from {@code deploy-checks/}, so every path is relative to {@code ..}, the repository root.
 */
class DeployConsistencyTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path DEPLOY = ROOT.resolve("deploy");
    static final Path KUBERNETES = DEPLOY.resolve("kubernetes");

    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";

    /** The services, each named alike as Maven module, compose service and Kubernetes Deployment. */
    static final List<String> SERVICES = List.of("commitments-service", "projection-service");

    /**
     * What a service in a container cannot do without: its own database (unset, the service refuses to start; the
     * embedded PostgreSQL is for development machines only) and the real Kafka (unset, it would look on localhost).
     */
    static final List<String> REQUIRED = List.of(
            "spring.datasource.url",
            "spring.datasource.username",
            "spring.datasource.password",
            "spring.kafka.bootstrap-servers");

    /** Variables a Dockerfile may set for the JVM or the operating system rather than for Spring. */
    /** Strimzi's objects that belong to the Kafka cluster, in its namespace (KafkaUsers live beside the services). */
    static final Set<String> STRIMZI_CLUSTER_KINDS = Set.of("Kafka", "KafkaNodePool", "KafkaTopic");

    static final Set<String> NOT_FOR_SPRING =
            Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_HOME", "PATH", "LANG", "LC_ALL", "TZ");

    static Map<String, ServiceConfiguration> services;
    static Map<String, Object> compose;
    static List<Map<String, Object>> kubernetes;

    @BeforeAll
    static void load() {
        services = new LinkedHashMap<>();
        SERVICES.forEach(name -> services.put(name, ServiceConfiguration.of(ROOT, name, SERVICES)));
        compose = singleDocument(DEPLOY.resolve("compose.yaml"));
        kubernetes = kustomizationResources().stream()
                .flatMap(file -> documents(KUBERNETES.resolve(file)).stream())
                .toList();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The services themselves

    @Test
    void servicesExposeProbesAndKeepKafkaOutOfReadiness() {
        services.values().forEach(service -> {
            assertThat(service.setting("management.endpoint.health.probes.enabled"))
                    .as("%s: management.endpoint.health.probes.enabled", service.name())
                    .contains("true");
            assertThat(service.setting("management.endpoint.health.group.readiness.include"))
                    .as("%s: readiness group (README: readiness needs PostgreSQL, not Kafka)", service.name())
                    .hasValueSatisfying(
                            include -> assertThat(include).contains("db").doesNotContain("kafka"));
        });
    }

    @Test
    void servicesUseTheContractsTopicAndTheirOwnDeadLetterTopic() {
        assertThat(service("commitments-service").setting("ledger.publication.topic"))
                .contains(EventTypes.DEFAULT_TOPIC);
        assertThat(service("projection-service").setting("ledger.projection.topic"))
                .contains(EventTypes.DEFAULT_TOPIC);
        assertThat(service("projection-service").setting("ledger.projection.dead-letter-topic"))
                .contains(EventTypes.DEFAULT_TOPIC + ".DLT");
        assertThat(publicationPartitions()).isPositive();
    }

    /** application.yml's own keys count as properties below, so a stale one there would let a stale variable pass. */
    @Test
    void applicationYmlSetsOnlyLedgerPropertiesTheServicesHave() {
        services.values()
                .forEach(service -> assertThat(service.applicationYmlKeys().stream()
                                .filter(key -> key.startsWith("ledger."))
                                .filter(key -> !service.isDescribed(key))
                                .toList())
                        .as(
                                "%s: ledger.* keys in application.yml that no @ConfigurationProperties declares",
                                service.name())
                        .isEmpty());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Every YAML file

    @Test
    void everyYamlFileUnderDeployParses() throws IOException {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            List<Path> yamlFiles =
                    files.filter(path -> path.toString().matches(".*\\.ya?ml")).toList();
            assertThat(yamlFiles).isNotEmpty();
            yamlFiles.forEach(file ->
                    assertThat(documents(file)).as("documents in %s", file).isNotEmpty());
        }
    }

    @Test
    void kustomizationListsEveryManifestAndEveryObjectIsNamed() throws IOException {
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            Set<String> manifests = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.matches(".*\\.ya?ml") && !name.equals("kustomization.yaml"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(new TreeSet<>(kustomizationResources())).isEqualTo(manifests);
        }
        assertThat(kubernetes).isNotEmpty().allSatisfy(object -> {
            assertThat(string(object, "apiVersion"))
                    .as("apiVersion of %s", object)
                    .isNotBlank();
            assertThat(string(object, "kind")).as("kind of %s", object).isNotBlank();
            assertThat(string(object, "metadata", "name"))
                    .as("metadata.name of %s", object)
                    .matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
        });
        // The Kafka cluster's own objects live in its namespace, everything else (KafkaUsers too) in the ledger's.
        String namespace = string(object("Namespace", null), "metadata", "name");
        String kafkaNamespace = string(object("Kafka", null), "metadata", "namespace");
        kubernetes.stream()
                .filter(object -> !string(object, "kind").equals("Namespace"))
                .forEach(object -> assertThat(optionalString(object, "metadata", "namespace"))
                        .as("namespace of %s %s", string(object, "kind"), string(object, "metadata", "name"))
                        .contains(STRIMZI_CLUSTER_KINDS.contains(string(object, "kind")) ? kafkaNamespace : namespace));
        secretGenerators()
                .forEach(generator -> assertThat(optionalString(generator, "namespace"))
                        .as("namespace of generated Secret %s", string(generator, "name"))
                        .contains(namespace));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // What the deploy files give each service

    @Test
    void composeSetsOnlyEnvironmentVariablesTheServicesHave() {
        services.values()
                .forEach(service -> assertThat(service.unknown(composeEnvironment(composeService(service.name()))
                                .keySet()))
                        .as("variables compose gives %s that name none of its properties", service.name())
                        .isEmpty());
    }

    @Test
    void deploymentsSetOnlyEnvironmentVariablesTheServicesHave() {
        services.values()
                .forEach(service -> assertThat(service.unknown(
                                kubernetesEnvironment(service.name()).keySet()))
                        .as("variables Kubernetes gives %s that name none of its properties", service.name())
                        .isEmpty());
    }

    @Test
    void dockerfileSetsOnlyPropertiesEveryServiceHas() {
        List<String[]> instructions = dockerInstructions(DEPLOY.resolve("Dockerfile"));
        Set<String> variables = new TreeSet<>();
        arguments(instructions, "ENV").forEach(arguments -> {
            Matcher pairs = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)[= ]").matcher(arguments);
            // ENV NAME=value NAME2=value, or the legacy ENV NAME value.
            if (arguments.contains("=")) {
                pairs.results()
                        .filter(pair -> pair.group().endsWith("="))
                        .forEach(pair -> variables.add(pair.group(1)));
            } else if (pairs.lookingAt()) {
                variables.add(pairs.group(1));
            }
        });
        variables.removeAll(NOT_FOR_SPRING);
        // Spring Boot reads --name=value program arguments as properties.
        Map<String, String> arguments = new LinkedHashMap<>();
        entrypoint(instructions).stream()
                .filter(word -> word.startsWith("--") && word.contains("="))
                .forEach(word ->
                        arguments.put(word.substring(2, word.indexOf('=')), word.substring(word.indexOf('=') + 1)));
        services.values().forEach(service -> {
            assertThat(service.unknown(variables))
                    .as("variables the Dockerfile sets that name none of %s's properties", service.name())
                    .isEmpty();
            assertThat(arguments.keySet().stream().filter(property -> !service.has(property)))
                    .as("arguments the Dockerfile gives that name none of %s's properties", service.name())
                    .isEmpty();
        });
    }

    @Test
    void everyValueTheDeployFilesSetFitsItsPropertysType() {
        services.values().forEach(service -> {
            assertThat(service.misfits(composeEnvironment(composeService(service.name()))))
                    .as("compose: %s", service.name())
                    .isEmpty();
            assertThat(service.misfits(kubernetesEnvironment(service.name())))
                    .as("Kubernetes: %s", service.name())
                    .isEmpty();
        });
    }

    @Test
    void everyServiceGetsItsDatabaseAndKafkaFromTheDeployFiles() {
        services.values().forEach(service -> {
            Map<String, String> composed = composeEnvironment(composeService(service.name()));
            Map<String, String> deployed = kubernetesEnvironment(service.name());
            REQUIRED.forEach(property -> {
                assertThat(service.isSet(property, composed))
                        .as("compose sets %s for %s", property, service.name())
                        .isTrue();
                assertThat(service.isSet(property, deployed))
                        .as("Kubernetes sets %s for %s", property, service.name())
                        .isTrue();
            });
        });
    }

    /**
     * commitments-service refuses to start without exactly one log signing key. Kubernetes takes it from a Secret (a
     * ConfigMap is no place for a private key) as an environment variable: a Secret mounted as a file is readable by
     * others (fsGroup) or by root only, and the service refuses a key file others can read.
     */
    @Test
    void commitmentsServiceGetsExactlyOneLogSigningKeyAndKubernetesFromASecret() {
        ServiceConfiguration ledger = service("commitments-service");
        Map<String, Map<String, String>> environments = Map.of(
                "compose", composeEnvironment(composeService(ledger.name())),
                "Kubernetes", kubernetesEnvironment(ledger.name()));
        environments.forEach((where, env) -> assertThat(
                        Stream.of("ledger.log.signing-key", "ledger.log.signing-key-file")
                                .filter(property -> ledger.isSet(property, env)))
                .as("%s: log signing key settings of commitments-service", where)
                .hasSize(1));

        List<String> fromSecrets = new ArrayList<>();
        list(deploymentContainer(ledger.name()), "envFrom")
                .forEach(source -> optionalString(cast(source), "secretRef", "name")
                        .ifPresent(
                                secret -> fromSecrets.addAll(secretKeys(secret).keySet())));
        assertThat(fromSecrets)
                .as("variables commitments-service gets from Secrets")
                .contains("LEDGER_LOG_SIGNING_KEY");
        list(deploymentContainer(ledger.name()), "envFrom")
                .forEach(source -> optionalString(cast(source), "configMapRef", "name")
                        .ifPresent(configMap -> assertThat(map(object("ConfigMap", configMap), "data"))
                                .as("ConfigMap %s", configMap)
                                .doesNotContainKeys("LEDGER_LOG_SIGNING_KEY", "LEDGER_LOG_SIGNING_KEY_FILE")));
    }

    /**
     * projection-service refuses to start without the log's verifier keys, with which it checks every record before
     * applying it; they are public, so a ConfigMap is the place for them in Kubernetes.
     */
    @Test
    void projectionServiceGetsTheLogsVerifierKeys() {
        ServiceConfiguration projection = service("projection-service");
        assertThat(projection.isSet("ledger.log.verifier-keys", composeEnvironment(composeService(projection.name()))))
                .as("compose sets ledger.log.verifier-keys for projection-service")
                .isTrue();
        assertThat(projection.isSet("ledger.log.verifier-keys", kubernetesEnvironment(projection.name())))
                .as("Kubernetes sets ledger.log.verifier-keys for projection-service")
                .isTrue();
    }

    /** The checkpoint topic keeps every checkpoint, in the order signed, wherever it is created. */
    @Test
    void theCheckpointTopicHasOnePartitionAndKeepsEveryRecord() {
        String topic = setting(service("commitments-service"), "ledger.log.checkpoint-topic", Map.of());
        assertThat(composeCreatedTopics()).containsEntry(topic, 1);
        String script = String.join("\n", strings(list(composeService("kafka-topics"), "command")));
        assertThat(script.lines().filter(line -> line.contains("--topic " + topic + " ")))
                .singleElement()
                .asString()
                .contains("retention.ms=-1");
        Map<String, Object> declared = kubernetes.stream()
                .filter(object -> "KafkaTopic".equals(string(object, "kind")))
                .filter(object -> topic.equals(optionalString(object, "spec", "topicName")
                        .orElseGet(() -> string(object, "metadata", "name"))))
                .findFirst()
                .orElseGet(() -> fail("no KafkaTopic %s", topic));
        assertThat(string(declared, "spec", "partitions")).isEqualTo("1");
        assertThat(string(declared, "spec", "config", "retention.ms")).isEqualTo("-1");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // compose.yaml

    @Test
    void composeRunsEachServiceOnItsPortWithItsReadinessHealthcheck() {
        services.values().forEach(service -> {
            Map<String, Object> container = composeService(service.name());
            int port = port(service, composeEnvironment(container));

            List<Integer> containerPorts = list(container, "ports").stream()
                    .map(DeployConsistencyTest::composeContainerPort)
                    .toList();
            assertThat(containerPorts)
                    .as("%s: published container ports", service.name())
                    .containsExactly(port);

            String healthcheck = String.join(" ", strings(list(container, "healthcheck", "test")));
            Matcher tcp = Pattern.compile("/dev/tcp/[^/]+/(\\d+)").matcher(healthcheck);
            assertThat(tcp.find())
                    .as("%s: healthcheck port in %s", service.name(), healthcheck)
                    .isTrue();
            assertThat(Integer.parseInt(tcp.group(1)))
                    .as("%s: healthcheck port", service.name())
                    .isEqualTo(port);
            assertThat(healthcheck).as("%s: healthcheck path", service.name()).contains("GET " + READINESS + " ");
        });
    }

    @Test
    void composeBuildsEachServiceFromTheSharedDockerfile() {
        services.values().forEach(service -> {
            Map<String, Object> container = composeService(service.name());
            assertThat(DEPLOY.resolve(string(container, "build", "context")).normalize())
                    .as("%s: build context", service.name())
                    .isEqualTo(ROOT);
            assertThat(ROOT.resolve(string(container, "build", "dockerfile")).normalize())
                    .as("%s: dockerfile", service.name())
                    .isEqualTo(DEPLOY.resolve("Dockerfile"));
            assertThat(string(container, "build", "args", "SERVICE"))
                    .as("%s: build arg SERVICE", service.name())
                    .isEqualTo(service.name());
            assertThat(string(container, "image")).contains("/" + service.name() + ":");
        });
    }

    @Test
    void composeStartsServicesOnlyOnceTheirDependenciesAreUp() {
        Map<String, Object> all = map(compose, "services");
        all.forEach((name, definition) -> {
            Map<String, Object> dependencies = map(cast(definition), "depends_on");
            dependencies.forEach((dependency, settings) -> {
                assertThat(all).as("%s depends on %s", name, dependency).containsKey(dependency);
                if (optionalString(cast(settings), "condition")
                        .filter("service_healthy"::equals)
                        .isPresent()) {
                    assertThat(map(cast(all.get(dependency))))
                            .as("%s waits for %s to be healthy", name, dependency)
                            .containsKey("healthcheck");
                }
            });
        });
        services.keySet()
                .forEach(name -> assertThat(map(composeService(name), "depends_on"))
                        .as("%s depends_on", name)
                        .containsKeys("postgres", "kafka-topics"));
        assertThat(string(composeService("commitments-service"), "depends_on", "kafka-topics", "condition"))
                .isEqualTo("service_completed_successfully");
    }

    @Test
    void composeCreatesTheTopicsTheServicesUse() {
        Map<String, Integer> created = composeCreatedTopics();
        assertThat(created).containsEntry(EventTypes.DEFAULT_TOPIC, publicationPartitions());
        services.values().forEach(service -> {
            Map<String, String> env = composeEnvironment(composeService(service.name()));
            for (String topic : service.topics(env)) {
                assertThat(created)
                        .as("%s uses topic %s", service.name(), topic)
                        .containsKey(topic);
            }
        });
    }

    @Test
    void composeGivesEachServiceItsOwnDatabaseAndAKafkaListenerThatExists() {
        String init = read(DEPLOY.resolve("postgres/init.sql"));
        String advertised = composeEnvironment(composeService("kafka")).get("KAFKA_ADVERTISED_LISTENERS");
        Set<String> databases = new LinkedHashSet<>();
        services.values().forEach(service -> {
            Map<String, String> env = composeEnvironment(composeService(service.name()));
            URI url = jdbcUrl(setting(service, "spring.datasource.url", env));
            assertThat(map(compose, "services")).containsKey(url.getHost());
            String database = url.getPath().substring(1);
            databases.add(database);
            assertThat(init).contains("CREATE DATABASE " + database + " ");
            String user = setting(service, "spring.datasource.username", env);
            assertThat(init).contains("CREATE ROLE " + user + " ");
            // The password the service logs in with is the one init.sql gives its role: the same variable of
            // deploy/.env.
            Matcher role = Pattern.compile("CREATE ROLE " + Pattern.quote(user) + " LOGIN PASSWORD :'(\\w+)'")
                    .matcher(init);
            assertThat(role.find())
                    .as("init.sql: role %s's password from a psql variable", user)
                    .isTrue();
            Matcher getenv =
                    Pattern.compile("\\\\getenv " + role.group(1) + " (\\w+)").matcher(init);
            assertThat(getenv.find()).as("init.sql: \\getenv %s", role.group(1)).isTrue();
            assertThat(interpolated(
                            composeEnvironment(composeService("postgres")).get(getenv.group(1))))
                    .as("%s: the variable of its database password", service.name())
                    .isEqualTo(interpolated(env.get("SPRING_DATASOURCE_PASSWORD")));
            for (String server :
                    setting(service, "spring.kafka.bootstrap-servers", env).split(",")) {
                assertThat(advertised)
                        .as("%s's bootstrap server", service.name())
                        .contains("://" + server.trim());
            }
        });
        assertThat(databases).as("one database per service").hasSize(services.size());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // kubernetes/

    @Test
    void deploymentsListenOnTheServicePortAndProbeTheActuator() {
        services.values().forEach(service -> {
            Map<String, Object> container = deploymentContainer(service.name());
            int port = port(service, kubernetesEnvironment(service.name()));
            Map<String, Integer> ports = new LinkedHashMap<>();
            list(container, "ports")
                    .forEach(entry -> ports.put(
                            string(cast(entry), "name"), Integer.parseInt(string(cast(entry), "containerPort"))));
            assertThat(ports.values()).as("%s: container ports", service.name()).containsExactly(port);

            Map<String, String> paths =
                    Map.of("livenessProbe", LIVENESS, "readinessProbe", READINESS, "startupProbe", LIVENESS);
            paths.forEach((probe, path) -> {
                if (probe.equals("startupProbe") && !container.containsKey(probe)) {
                    return;
                }
                assertThat(string(container, probe, "httpGet", "path"))
                        .as("%s: %s path", service.name(), probe)
                        .isEqualTo(path);
                assertThat(resolvePort(ports, string(container, probe, "httpGet", "port")))
                        .as("%s: %s port", service.name(), probe)
                        .isEqualTo(port);
            });
            assertThat(string(container, "resources", "requests", "memory")).isNotBlank();
            assertThat(string(container, "resources", "limits", "memory")).isNotBlank();
            assertThat(string(container, "image")).contains("/" + service.name() + ":");

            Map<String, Object> k8sService = object("Service", service.name());
            Map<String, Object> selector = map(k8sService, "spec", "selector");
            assertThat(selector).as("%s: Service selector", service.name()).isNotEmpty();
            assertThat(map(object("Deployment", service.name()), "spec", "template", "metadata", "labels"))
                    .as("%s: pod labels", service.name())
                    .containsAllEntriesOf(selector);
            list(k8sService, "spec", "ports")
                    .forEach(entry -> assertThat(resolvePort(ports, string(cast(entry), "targetPort")))
                            .as("%s: Service targetPort", service.name())
                            .isEqualTo(port));
        });
    }

    @Test
    void deploymentsUseOneDatabasePerService() {
        assertThat(services.values().stream()
                        .map(service -> jdbcUrl(setting(
                                        service, "spring.datasource.url", kubernetesEnvironment(service.name())))
                                .getPath())
                        .distinct())
                .as("one database per service")
                .hasSize(services.size());
    }

    @Test
    void kafkaTopicsMatchTheContractsAndThePublisher() {
        Map<String, Map<String, Object>> topics = new LinkedHashMap<>();
        kubernetes.stream()
                .filter(object -> "KafkaTopic".equals(string(object, "kind")))
                .forEach(topic -> {
                    assertThat(string(topic, "apiVersion")).startsWith("kafka.strimzi.io/");
                    assertThat(string(topic, "metadata", "labels", "strimzi.io/cluster"))
                            .isNotBlank();
                    String name = optionalString(topic, "spec", "topicName")
                            .orElseGet(() -> string(topic, "metadata", "name"));
                    topics.put(name, map(topic, "spec"));
                });

        assertThat(topics).containsKey(EventTypes.DEFAULT_TOPIC);
        Map<String, Object> events = topics.get(EventTypes.DEFAULT_TOPIC);
        assertThat(Integer.parseInt(string(events, "partitions"))).isEqualTo(publicationPartitions());

        ServiceConfiguration publisher = service("commitments-service");
        Map<String, String> publisherEnv = kubernetesEnvironment(publisher.name());
        // What the service would create if it found the topic missing must be what the KafkaTopic declares.
        assertThat(setting(publisher, "ledger.publication.partitions", publisherEnv))
                .as("partitions commitments-service creates the topic with")
                .isEqualTo(string(events, "partitions"));
        if (publisher.isSet("ledger.publication.replicas", publisherEnv)) {
            assertThat(setting(publisher, "ledger.publication.replicas", publisherEnv))
                    .as("replicas commitments-service creates the topic with")
                    .isEqualTo(string(events, "replicas"));
        }
        services.values().forEach(service -> {
            for (String topic : service.topics(kubernetesEnvironment(service.name()))) {
                assertThat(topics).as("%s uses topic %s", service.name(), topic).containsKey(topic);
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Credentials, tokens and transport (docs/security.md)

    /** Both services accept tokens for this audience only. */
    static final String AUDIENCE = "commitments-ledger";

    /** What a committed file may hold where a credential goes. */
    static final String PLACEHOLDER = "CHANGE-ME";

    /** Environment variables that hold a credential (or a private key). */
    static final Pattern CREDENTIAL = Pattern.compile(".*(PASSWORD|SECRET|SIGNING_KEY|JAAS_CONFIG|TOKEN|CREDENTIAL).*");

    /** What a credential in clear looks like, in any file under deploy/ that git does not ignore. */
    static final List<Pattern> LEAKS = List.of(
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
            // A log signing key: PRIVATE+KEY+<origin>+<key id>+<base64 of the key>.
            Pattern.compile("PRIVATE\\+KEY\\+\\S+\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{40,}"),
            // A JAAS configuration with its password.
            Pattern.compile("password=\"[^\"]+\""));

    @Test
    void bothServicesAcceptTokensOfTheOrganisationsIssuerForTheLedgersAudience() {
        String issuer = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
        String audiences = "spring.security.oauth2.resourceserver.jwt.audiences";
        services.values().forEach(service -> {
            Map<String, String> deployed = kubernetesEnvironment(service.name());
            URI uri = URI.create(setting(service, issuer, deployed));
            assertThat(uri.getScheme())
                    .as("%s: the issuer's scheme in Kubernetes", service.name())
                    .isEqualTo("https");
            assertThat(uri.getHost())
                    .as("%s: the issuer's host in Kubernetes", service.name())
                    .isNotIn("localhost", "127.0.0.1");
            assertThat(service.isSet(audiences, deployed))
                    .as("Kubernetes sets %s for %s", audiences, service.name())
                    .isTrue();
            assertThat(setting(service, audiences, deployed).split("\\s*,\\s*"))
                    .as("%s: audiences in Kubernetes", service.name())
                    .contains(AUDIENCE);

            Map<String, String> composed = composeEnvironment(composeService(service.name()));
            assertThat(service.isSet(issuer, composed))
                    .as("compose sets %s for %s", issuer, service.name())
                    .isTrue();
            assertThat(setting(service, audiences, composed).split("\\s*,\\s*"))
                    .as("%s: audiences in compose", service.name())
                    .contains(AUDIENCE);
        });
        assertThat(services.values().stream()
                        .map(service -> setting(service, issuer, kubernetesEnvironment(service.name())))
                        .distinct())
                .as("one issuer for both services")
                .hasSize(1);
    }

    @Test
    void kafkaListensOnlyOverTlsWithScramAndAuthorizesEveryClientByAcls() {
        assertThat(kubernetes.stream().filter(object -> "Kafka".equals(string(object, "kind"))))
                .as("Kafka clusters")
                .hasSize(1);
        Map<String, Object> kafka = object("Kafka", null);
        List<Object> listeners = list(kafka, "spec", "kafka", "listeners");
        assertThat(listeners).as("Kafka listeners").isNotEmpty().allSatisfy(entry -> {
            Map<String, Object> listener = cast(entry);
            assertThat(optionalString(listener, "tls"))
                    .as("listener %s: tls", string(listener, "name"))
                    .contains("true");
            assertThat(optionalString(listener, "authentication", "type"))
                    .as("listener %s: authentication", string(listener, "name"))
                    .contains("scram-sha-512");
        });
        assertThat(optionalString(kafka, "spec", "kafka", "authorization", "type"))
                .as("Kafka authorization")
                .contains("simple");
        assertThat(optionalString(kafka, "spec", "kafka", "config", "auto.create.topics.enable"))
                .as("topic auto-creation")
                .contains("false");

        String cluster = string(kafka, "metadata", "name");
        // The User Operator names each user's Secret as the user only without a prefix; the Deployments rely on it.
        assertThat(optionalString(kafka, "spec", "entityOperator", "userOperator", "secretPrefix"))
                .isEmpty();
        String usersNamespace = optionalString(kafka, "spec", "entityOperator", "userOperator", "watchedNamespace")
                .orElseGet(() -> string(kafka, "metadata", "namespace"));
        kubernetes.stream()
                .filter(object -> string(object, "apiVersion").startsWith("kafka.strimzi.io/"))
                .filter(object -> !string(object, "kind").equals("Kafka"))
                .forEach(object -> assertThat(optionalString(object, "metadata", "labels", "strimzi.io/cluster"))
                        .as("strimzi.io/cluster of %s %s", string(object, "kind"), string(object, "metadata", "name"))
                        .contains(cluster));
        assertThat(kafkaUsers()).as("KafkaUsers").isNotEmpty();
        kubernetes.stream()
                .filter(object -> "KafkaUser".equals(string(object, "kind")))
                .forEach(user -> {
                    String name = string(user, "metadata", "name");
                    assertThat(optionalString(user, "metadata", "namespace"))
                            .as("KafkaUser %s: in the namespace the User Operator watches", name)
                            .contains(usersNamespace);
                    assertThat(optionalString(user, "spec", "authentication", "type"))
                            .as("KafkaUser %s: authentication", name)
                            .contains("scram-sha-512");
                    assertThat(optionalString(user, "spec", "authorization", "type"))
                            .as("KafkaUser %s: authorization", name)
                            .contains("simple");
                });
    }

    @Test
    void servicesReachKafkaOverSaslSslWithScramAsTheirOwnKafkaUser() {
        Map<String, Object> kafka = object("Kafka", null);
        String bootstrapHost = string(kafka, "metadata", "name") + "-kafka-bootstrap."
                + string(kafka, "metadata", "namespace") + ".svc";
        Set<String> tlsPorts = list(kafka, "spec", "kafka", "listeners").stream()
                .<Map<String, Object>>map(YamlTrees::cast)
                .filter(listener ->
                        optionalString(listener, "tls").filter("true"::equals).isPresent())
                .map(listener -> string(listener, "port"))
                .collect(Collectors.toSet());
        services.values().forEach(service -> {
            Map<String, String> env = kubernetesEnvironment(service.name());
            assertThat(setting(service, "spring.kafka.security.protocol", env))
                    .as("%s: spring.kafka.security.protocol", service.name())
                    .isEqualTo("SASL_SSL");
            for (String client : List.of("producer", "consumer", "admin")) {
                assertThat(service.setting("spring.kafka." + client + ".security.protocol", env))
                        .as("%s: the %s's own security protocol", service.name(), client)
                        .isEmpty();
            }
            assertThat(service.entries("spring.kafka.properties", env))
                    .as("%s: spring.kafka.properties", service.name())
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsKey("sasl.jaas.config");

            Map<String, Object> jaas = secretKeyRef(
                            deploymentContainer(service.name()), "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")
                    .orElseGet(
                            () -> fail("%s: SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG from no Secret", service.name()));
            assertThat(string(jaas, "key"))
                    .as("%s: the JAAS config's key", service.name())
                    .isEqualTo("sasl.jaas.config");
            assertThat(string(jaas, "name"))
                    .as("%s: the KafkaUser (its Secret) the service authenticates as", service.name())
                    .isEqualTo(service.name());
            assertThat(optionalString(object("KafkaUser", service.name()), "metadata", "namespace"))
                    .as("%s: its KafkaUser's Secret is in the Deployment's namespace", service.name())
                    .isEqualTo(optionalString(object("Deployment", service.name()), "metadata", "namespace"));

            for (String server :
                    setting(service, "spring.kafka.bootstrap-servers", env).split(",")) {
                String[] hostAndPort = server.trim().split(":");
                assertThat(hostAndPort[0])
                        .as("%s: bootstrap host", service.name())
                        .isIn(bootstrapHost, bootstrapHost + ".cluster.local");
                assertThat(hostAndPort).hasSize(2);
                assertThat(tlsPorts)
                        .as("%s: bootstrap port %s is a TLS listener's", service.name(), hostAndPort[1])
                        .contains(hostAndPort[1]);
            }

            String location = setting(service, "spring.kafka.ssl.trust-store-location", env);
            assertThat(location).as("%s: Kafka trust store", service.name()).startsWith("file:/");
            String path = location.substring("file:".length());
            String secret = mountedSecret(service.name(), path)
                    .orElseGet(() -> fail("%s: no Secret mounted at %s", service.name(), path));
            assertThat(secretKeys(secret))
                    .as("%s: Secret %s holds the trust store", service.name(), secret)
                    .containsKey(Path.of(path).getFileName().toString());
            String type = setting(service, "spring.kafka.ssl.trust-store-type", env);
            assertThat(type).as("%s: trust store type", service.name()).isIn("PEM", "PKCS12");
            if (type.equals("PKCS12")) {
                assertThat(service.isSet("spring.kafka.ssl.trust-store-password", env))
                        .as("%s: a PKCS12 trust store's password", service.name())
                        .isTrue();
            }
        });
    }

    /** spring.kafka.*.properties is a map Boot passes to Kafka's clients unchecked: a misspelt key would be ignored. */
    @Test
    void kafkaClientPropertiesTheDeployFilesSetAreKafkaSettings() {
        Set<String> kafkaSettings = new TreeSet<>();
        kafkaSettings.addAll(ProducerConfig.configNames());
        kafkaSettings.addAll(ConsumerConfig.configNames());
        kafkaSettings.addAll(AdminClientConfig.configNames());
        services.values()
                .forEach(service -> Map.of(
                                "compose", composeEnvironment(composeService(service.name())),
                                "Kubernetes", kubernetesEnvironment(service.name()))
                        .forEach((where, env) -> Stream.of("", "producer.", "consumer.", "admin.")
                                .map(client -> "spring.kafka." + client + "properties")
                                .forEach(property -> assertThat(
                                                service.entries(property, env).keySet())
                                        .as(
                                                "%s: %s keys of %s that are no Kafka client setting",
                                                where, property, service.name())
                                        .isSubsetOf(kafkaSettings))));
    }

    @Test
    void servicesReachPostgresqlOverTlsVerifyingTheServer() {
        services.values().forEach(service -> {
            URI url = jdbcUrl(setting(service, "spring.datasource.url", kubernetesEnvironment(service.name())));
            Map<String, String> parameters = new LinkedHashMap<>();
            Stream.of(Objects.requireNonNullElse(url.getQuery(), "").split("&"))
                    .filter(parameter -> !parameter.isEmpty())
                    .forEach(parameter -> {
                        String[] pair = parameter.split("=", 2);
                        parameters.put(pair[0], pair.length > 1 ? pair[1] : "");
                    });
            assertThat(parameters)
                    .as("%s: JDBC URL parameters in Kubernetes", service.name())
                    .containsEntry("sslmode", "verify-full")
                    .containsKey("sslrootcert");
            String root = parameters.get("sslrootcert");
            String secret = mountedSecret(service.name(), root)
                    .orElseGet(() -> fail("%s: no Secret mounted at %s", service.name(), root));
            assertThat(secretKeys(secret))
                    .as("%s: Secret %s holds the CA certificate", service.name(), secret)
                    .containsKey(Path.of(root).getFileName().toString());
        });
    }

    /** A credential reaches a container from a Secret only: never from a ConfigMap or a value in the Deployment. */
    @Test
    void deploymentsTakeEveryCredentialFromASecret() {
        services.keySet().forEach(name -> {
            Map<String, Object> container = deploymentContainer(name);
            Set<String> fromSecrets = new TreeSet<>();
            list(container, "envFrom")
                    .forEach(source -> optionalString(cast(source), "secretRef", "name")
                            .ifPresent(secret ->
                                    fromSecrets.addAll(secretKeys(secret).keySet())));
            list(container, "env").stream()
                    .<Map<String, Object>>map(YamlTrees::cast)
                    .filter(entry -> !map(entry, "valueFrom", "secretKeyRef").isEmpty())
                    .forEach(entry -> fromSecrets.add(string(entry, "name")));
            Set<String> credentials = kubernetesEnvironment(name).keySet().stream()
                    .filter(variable -> CREDENTIAL.matcher(variable).matches())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(credentials).as("%s: credentials", name).contains("SPRING_DATASOURCE_PASSWORD");
            assertThat(fromSecrets).as("%s: variables from Secrets", name).containsAll(credentials);
            list(container, "envFrom")
                    .forEach(source -> optionalString(cast(source), "configMapRef", "name")
                            .ifPresent(configMap -> assertThat(map(object("ConfigMap", configMap), "data")
                                            .keySet())
                                    .as("ConfigMap %s", configMap)
                                    .doesNotContainAnyElementsOf(credentials)));
        });
    }

    @Test
    void onlyCommitmentsServiceWritesTheEventAndCheckpointTopicsAndNobodyDeletesThem() {
        ServiceConfiguration ledger = service("commitments-service");
        Map<String, String> env = kubernetesEnvironment(ledger.name());
        String writer = kafkaUserOf(ledger.name());
        for (String topic : List.of(
                setting(ledger, "ledger.publication.topic", env),
                setting(ledger, "ledger.log.checkpoint-topic", env))) {
            assertThat(kafkaUsers().stream()
                            .filter(user -> user.allowsOnTopic(topic, "Write"))
                            .map(KafkaAcls::user))
                    .as("KafkaUsers that may write %s", topic)
                    .containsExactly(writer);
            for (String operation : List.of("Delete", "Alter", "AlterConfigs")) {
                assertThat(kafkaUsers().stream()
                                .filter(user -> user.allowsOnTopic(topic, operation))
                                .map(KafkaAcls::user))
                        .as("KafkaUsers that may %s %s", operation, topic)
                        .isEmpty();
            }
        }
    }

    /** What each service's Kafka clients do, as its configuration says, its KafkaUser's ACLs allow. */
    @Test
    void eachServicesKafkaUserMayDoWhatItsClientsDo() {
        ServiceConfiguration ledger = service("commitments-service");
        Map<String, String> ledgerEnv = kubernetesEnvironment(ledger.name());
        KafkaAcls publisher = kafkaUser(kafkaUserOf(ledger.name()));
        for (String topic : List.of(
                setting(ledger, "ledger.publication.topic", ledgerEnv),
                setting(ledger, "ledger.log.checkpoint-topic", ledgerEnv))) {
            assertAllowed(publisher, "topic", topic, "Write", "Describe");
        }
        // It creates each missing topic (NewTopic) and checks each one's retention at start-up (TopicRetention).
        for (String topic : ledger.topics(ledgerEnv)) {
            assertAllowed(publisher, "topic", topic, "Create", "DescribeConfigs", "Describe");
        }

        ServiceConfiguration projection = service("projection-service");
        Map<String, String> projectionEnv = kubernetesEnvironment(projection.name());
        KafkaAcls reader = kafkaUser(kafkaUserOf(projection.name()));
        assertAllowed(
                reader, "topic", setting(projection, "ledger.projection.topic", projectionEnv), "Read", "Describe");
        assertAllowed(reader, "group", setting(projection, "spring.kafka.consumer.group-id", projectionEnv), "Read");
        assertAllowed(
                reader,
                "topic",
                setting(projection, "ledger.projection.dead-letter-topic", projectionEnv),
                "Write",
                "Describe");
    }

    @Test
    void theExampleSubscriberReadsAndNothingElse() {
        KafkaAcls subscriber = kafkaUser("subscriber");
        ServiceConfiguration ledger = service("commitments-service");
        Map<String, String> ledgerEnv = kubernetesEnvironment(ledger.name());
        assertAllowed(subscriber, "topic", setting(ledger, "ledger.publication.topic", ledgerEnv), "Read");
        assertAllowed(subscriber, "topic", setting(ledger, "ledger.log.checkpoint-topic", ledgerEnv), "Read");
        assertThat(subscriber.acls()).as("the subscriber's ACLs").allSatisfy(acl -> {
            assertThat(acl.type()).isIn("topic", "group");
            assertThat(acl.operations()).isSubsetOf("Read", "Describe", "DescribeConfigs");
        });
        // In projection-service's group it would take partitions from the projection.
        ServiceConfiguration projection = service("projection-service");
        String group = setting(projection, "spring.kafka.consumer.group-id", kubernetesEnvironment(projection.name()));
        assertThat(subscriber.allows("group", group, "Read"))
                .as("the subscriber may join group %s", group)
                .isFalse();
    }

    @Test
    void noCredentialIsCommitted() throws IOException {
        // Kubernetes: Secret objects hold placeholders only; generated ones come from files git ignores, each beside a
        // committed example holding placeholders.
        kubernetes.stream()
                .filter(object -> "Secret".equals(string(object, "kind")))
                .forEach(secret -> assertThat(secretKeys(string(secret, "metadata", "name")))
                        .as("Secret %s", string(secret, "metadata", "name"))
                        .allSatisfy((key, value) -> assertThat(value).contains(PLACEHOLDER)));
        assertThat(secretGenerators()).as("secretGenerator").isNotEmpty();
        secretGenerators().forEach(generator -> {
            String name = string(generator, "name");
            strings(list(generator, "literals"))
                    .forEach(literal ->
                            assertThat(literal).as("Secret %s: literal", name).contains(PLACEHOLDER));
            List<String> envs = strings(list(generator, "envs"));
            List<String> files = strings(list(generator, "files")).stream()
                    .map(file -> file.substring(file.indexOf('=') + 1))
                    .toList();
            Stream.concat(envs.stream(), files.stream()).forEach(source -> {
                Path file = KUBERNETES.resolve(source).normalize();
                assertThat(ignored(file))
                        .as("Secret %s: git ignores %s", name, source)
                        .isTrue();
                assertThat(example(file))
                        .as("Secret %s: example of %s", name, source)
                        .exists();
                assertThat(ignored(example(file)))
                        .as("Secret %s: git ignores the example of %s", name, source)
                        .isFalse();
                if (envs.contains(source)) {
                    assertThat(envFile(example(file)))
                            .as("Secret %s: %s", name, example(file))
                            .isNotEmpty()
                            .allSatisfy((key, value) -> assertThat(value).contains(PLACEHOLDER));
                } else {
                    assertThat(read(example(file))).as("%s", example(file)).contains(PLACEHOLDER);
                }
            });
        });

        // compose: every credential is required from the environment (deploy/.env), none is written in.
        map(compose, "services")
                .forEach((name, definition) -> composeEnvironment(cast(definition))
                        .forEach((variable, value) -> {
                            if (CREDENTIAL.matcher(variable).matches()) {
                                assertThat(value)
                                        .as("compose %s: %s", name, variable)
                                        .matches(REQUIRED_INTERPOLATION);
                            }
                        }));
        Path dotEnv = DEPLOY.resolve(".env");
        assertThat(ignored(dotEnv)).as("git ignores deploy/.env").isTrue();
        assertThat(ignored(example(dotEnv)))
                .as("git ignores deploy/.env.example")
                .isFalse();
        assertThat(envFile(example(dotEnv)))
                .as("deploy/.env.example")
                .isNotEmpty()
                .allSatisfy((key, value) -> assertThat(value).contains(PLACEHOLDER));
        assertThat(read(DEPLOY.resolve("postgres/init.sql")))
                .as("postgres/init.sql")
                .doesNotContainPattern("(?i)PASSWORD\\s+'");

        // Nothing under deploy/ holds a private key or a password in clear.
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            files.filter(Files::isRegularFile).filter(file -> !ignored(file)).forEach(file -> {
                String text = read(file);
                LEAKS.forEach(
                        leak -> assertThat(text).as("%s", ROOT.relativize(file)).doesNotContainPattern(leak));
            });
        }
    }

    /** {@code ${NAME:?message}}: compose refuses to start while NAME is unset or empty. */
    static final String REQUIRED_INTERPOLATION = "\\$\\{[A-Za-z_][A-Za-z0-9_]*:\\?[^}]*}";

    /** PLAINTEXT without authentication is for compose's private network and the host's own processes only. */
    @Test
    void composesPlaintextKafkaIsPublishedOnTheHostsLoopbackOnly() {
        Map<String, Object> kafka = composeService("kafka");
        String protocols = composeEnvironment(kafka).get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP");
        assertThat(protocols).as("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").isNotNull();
        if (protocols.contains("PLAINTEXT")) {
            assertThat(list(kafka, "ports")).as("kafka's published ports").allSatisfy(port -> {
                String hostIp = port instanceof Map<?, ?> longSyntax
                        ? String.valueOf(longSyntax.get("host_ip"))
                        : String.valueOf(port).split(":")[0];
                assertThat(hostIp).as("kafka published on %s", port).isEqualTo("127.0.0.1");
            });
        }
    }

    static void assertAllowed(KafkaAcls user, String type, String resource, String... operations) {
        for (String operation : operations) {
            assertThat(user.allows(type, resource, operation))
                    .as("KafkaUser %s may %s %s %s", user.user(), operation, type, resource)
                    .isTrue();
        }
    }

    static List<KafkaAcls> kafkaUsers() {
        return kubernetes.stream()
                .filter(object -> "KafkaUser".equals(string(object, "kind")))
                .map(KafkaAcls::of)
                .toList();
    }

    static KafkaAcls kafkaUser(String name) {
        return KafkaAcls.of(object("KafkaUser", name));
    }

    /** The KafkaUser whose Secret gives the service its JAAS configuration. */
    static String kafkaUserOf(String service) {
        return secretKeyRef(deploymentContainer(service), "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")
                .map(reference -> string(reference, "name"))
                .orElseGet(() -> fail("%s: SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG from no Secret", service));
    }

    /**
     * Whether deploy/.gitignore ignores the file: its patterns in order, the last that matches deciding, as git does
     * for the patterns written there (anchored ones against the path below deploy/, others against the name).
     */
    static boolean ignored(Path file) {
        Path relative = DEPLOY.relativize(file.toAbsolutePath().normalize());
        boolean ignored = false;
        for (String line :
                read(DEPLOY.resolve(".gitignore")).lines().map(String::trim).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean negated = line.startsWith("!");
            String pattern = negated ? line.substring(1) : line;
            boolean anchored = pattern.startsWith("/") || pattern.contains("/");
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.replaceFirst("^/", ""));
            if (matcher.matches(anchored ? relative : relative.getFileName())) {
                ignored = !negated;
            }
        }
        return ignored;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Dockerfile

    @Test
    void dockerfileRunsTheServiceJarAsANonRootUser() {
        List<String[]> instructions = dockerInstructions(DEPLOY.resolve("Dockerfile"));
        List<String> from = arguments(instructions, "FROM");
        assertThat(from).hasSize(1);
        assertThat(from.get(0)).startsWith("eclipse-temurin:17").contains("jre");

        List<String> users = arguments(instructions, "USER");
        assertThat(users).isNotEmpty();
        String user = users.get(users.size() - 1).split(":")[0];
        assertThat(user).isNotIn("root", "0");

        List<String> args = arguments(instructions, "ARG");
        assertThat(args).contains("SERVICE");
        assertThat(args).contains("VERSION=" + System.getProperty("project.version"));

        List<String> copies = arguments(instructions, "COPY");
        assertThat(copies).hasSize(1);
        String[] copy = copies.get(0).split("\\s+");
        assertThat(copy[0]).isEqualTo("${SERVICE}/target/${SERVICE}-${VERSION}.jar");

        assertThat(arguments(instructions, "ENTRYPOINT"))
                .singleElement()
                .asString()
                .startsWith("[");
        List<String> entrypoint = entrypoint(instructions);
        assertThat(entrypoint).as("exec form").first().isEqualTo("java");
        assertThat(entrypoint).containsSubsequence("-jar", copy[1]);

        // The jar the COPY names is what each module builds, and the build context lets it in.
        String ignore = read(DEPLOY.resolve("Dockerfile.dockerignore"));
        services.keySet().forEach(name -> {
            assertThat(read(ROOT.resolve(name).resolve("pom.xml"))).contains("<artifactId>" + name + "</artifactId>");
            assertThat(ignore).contains("!" + name + "/target/" + name + "-");
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Settings

    static ServiceConfiguration service(String name) {
        return services.get(name);
    }

    static String setting(ServiceConfiguration service, String property, Map<String, String> env) {
        return service.setting(property, env).orElseGet(() -> fail("%s: no %s", service.name(), property));
    }

    static int publicationPartitions() {
        return Integer.parseInt(setting(service("commitments-service"), "ledger.publication.partitions", Map.of()));
    }

    static int port(ServiceConfiguration service, Map<String, String> env) {
        String port = setting(service, "server.port", env);
        assertThat(port).as("%s: server.port", service.name()).matches("\\d+");
        return Integer.parseInt(port);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // compose helpers

    static Map<String, Object> composeService(String name) {
        Map<String, Object> all = map(compose, "services");
        assertThat(all).as("compose services").containsKey(name);
        return map(all, name);
    }

    static Map<String, String> composeEnvironment(Map<String, Object> container) {
        Object environment = container.get("environment");
        Map<String, String> env = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> env.put((String) key, value == null ? "" : String.valueOf(value)));
        } else if (environment instanceof List<?> entries) {
            entries.forEach(entry -> {
                String[] pair = String.valueOf(entry).split("=", 2);
                env.put(pair[0], pair.length > 1 ? pair[1] : "");
            });
        }
        return env;
    }

    /** The variable a compose value interpolates, {@code ${NAME...}}. */
    static String interpolated(@Nullable String value) {
        Matcher variable = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)").matcher(String.valueOf(value));
        assertThat(variable.lookingAt()).as("an interpolated value: %s", value).isTrue();
        return variable.group(1);
    }

    static int composeContainerPort(Object entry) {
        if (entry instanceof Map<?, ?> longSyntax) {
            return Integer.parseInt(String.valueOf(longSyntax.get("target")));
        }
        String[] parts = String.valueOf(entry).split("/")[0].split(":");
        return Integer.parseInt(parts[parts.length - 1]);
    }

    /** Topic to partitions, from the one-shot kafka-topics service's {@code --create} commands. */
    static Map<String, Integer> composeCreatedTopics() {
        Object command = composeService("kafka-topics").get("command");
        String script = command instanceof List<?> parts ? String.join("\n", strings(parts)) : String.valueOf(command);
        Map<String, Integer> topics = new LinkedHashMap<>();
        script.lines().filter(line -> line.contains("--create")).forEach(line -> {
            List<String> words = List.of(line.trim().split("\\s+"));
            String topic = words.get(words.indexOf("--topic") + 1);
            topics.put(topic, Integer.parseInt(words.get(words.indexOf("--partitions") + 1)));
        });
        assertThat(topics).as("topics created by compose's kafka-topics").isNotEmpty();
        return topics;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Kubernetes helpers

    static List<String> kustomizationResources() {
        return strings(list(singleDocument(KUBERNETES.resolve("kustomization.yaml")), "resources"));
    }

    /** The object of this kind, and of this name unless it is null. */
    static Map<String, Object> object(String kind, @Nullable String name) {
        return kubernetes.stream()
                .filter(object -> kind.equals(string(object, "kind")))
                .filter(object -> name == null || name.equals(string(object, "metadata", "name")))
                .findFirst()
                .orElseGet(() -> fail("no %s %s in deploy/kubernetes", kind, name));
    }

    static Map<String, Object> deploymentContainer(String name) {
        List<Object> containers = list(object("Deployment", name), "spec", "template", "spec", "containers");
        assertThat(containers).hasSize(1);
        return cast(containers.get(0));
    }

    /** Everything the container gets: its ConfigMaps, its Secrets (names only matter) and its own env. */
    static Map<String, String> kubernetesEnvironment(String name) {
        Map<String, Object> container = deploymentContainer(name);
        Map<String, String> env = new LinkedHashMap<>();
        list(container, "envFrom").forEach(source -> {
            Map<String, Object> from = cast(source);
            optionalString(from, "configMapRef", "name")
                    .ifPresent(configMap -> map(object("ConfigMap", configMap), "data")
                            .forEach((key, value) -> env.put(key, String.valueOf(value))));
            optionalString(from, "secretRef", "name").ifPresent(secretName -> env.putAll(secretKeys(secretName)));
        });
        // A value from a Secret that is not in the repository (Strimzi's, the generated ones) counts as empty.
        list(container, "env").forEach(entry -> {
            Map<String, Object> variable = cast(entry);
            String value = optionalString(variable, "value")
                    .or(() -> optionalString(variable, "valueFrom", "configMapKeyRef", "name")
                            .map(configMap -> string(
                                    object("ConfigMap", configMap),
                                    "data",
                                    string(variable, "valueFrom", "configMapKeyRef", "key"))))
                    .orElse("");
            env.put(string(variable, "name"), value);
        });
        return env;
    }

    /**
     * The keys of a Secret, with the values the repository holds: a Secret object's, or for a Secret made by the
     * kustomization's secretGenerator, the committed example's (the real file is not in the repository).
     */
    static Map<String, String> secretKeys(String name) {
        Map<String, String> keys = new LinkedHashMap<>();
        kubernetes.stream()
                .filter(object -> "Secret".equals(string(object, "kind")))
                .filter(object -> name.equals(string(object, "metadata", "name")))
                .forEach(secret -> {
                    map(secret, "stringData").forEach((key, value) -> keys.put(key, String.valueOf(value)));
                    map(secret, "data").forEach((key, value) -> keys.put(key, String.valueOf(value)));
                });
        secretGenerators().stream()
                .filter(generator -> name.equals(string(generator, "name")))
                .forEach(generator -> {
                    strings(list(generator, "envs"))
                            .forEach(file -> keys.putAll(envFile(example(KUBERNETES.resolve(file)))));
                    strings(list(generator, "files")).forEach(file -> keys.put(file.split("=", 2)[0], ""));
                    strings(list(generator, "literals")).forEach(literal -> {
                        String[] pair = literal.split("=", 2);
                        keys.put(pair[0], pair.length > 1 ? pair[1] : "");
                    });
                });
        assertThat(keys)
                .as("keys of Secret %s (an object, or a secretGenerator)", name)
                .isNotEmpty();
        return keys;
    }

    static List<Map<String, Object>> secretGenerators() {
        return list(singleDocument(KUBERNETES.resolve("kustomization.yaml")), "secretGenerator").stream()
                .<Map<String, Object>>map(YamlTrees::cast)
                .toList();
    }

    /** The committed example of a file that holds credentials and is never committed itself. */
    static Path example(Path file) {
        return file.resolveSibling(file.getFileName() + ".example");
    }

    /** NAME=value lines; comments and blank lines skipped. */
    static Map<String, String> envFile(Path file) {
        Map<String, String> entries = new LinkedHashMap<>();
        read(file)
                .lines()
                .map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .forEach(line -> {
                    String[] pair = line.split("=", 2);
                    assertThat(pair).as("NAME=value in %s: %s", file, line).hasSize(2);
                    entries.put(pair[0].trim(), pair[1].trim());
                });
        return entries;
    }

    /** Whether the environment variable comes from this Secret's key (env.valueFrom.secretKeyRef). */
    static Optional<Map<String, Object>> secretKeyRef(Map<String, Object> container, String variable) {
        return list(container, "env").stream()
                .<Map<String, Object>>map(YamlTrees::cast)
                .filter(entry -> variable.equals(string(entry, "name")))
                .findFirst()
                .map(entry -> map(entry, "valueFrom", "secretKeyRef"))
                .filter(reference -> !reference.isEmpty());
    }

    /** The Secret whose files are mounted at the directory holding this path, if one is. */
    static Optional<String> mountedSecret(String deployment, String path) {
        Map<String, Object> pod = map(object("Deployment", deployment), "spec", "template", "spec");
        Map<String, Object> container = deploymentContainer(deployment);
        return list(container, "volumeMounts").stream()
                .<Map<String, Object>>map(YamlTrees::cast)
                .filter(mount -> path.startsWith(string(mount, "mountPath").replaceAll("/$", "") + "/"))
                .map(mount -> string(mount, "name"))
                .flatMap(volume -> list(pod, "volumes").stream()
                        .<Map<String, Object>>map(YamlTrees::cast)
                        .filter(candidate -> volume.equals(string(candidate, "name"))))
                .flatMap(volume -> optionalString(volume, "secret", "secretName").stream())
                .findFirst();
    }

    static int resolvePort(Map<String, Integer> namedPorts, String port) {
        if (port.matches("\\d+")) {
            return Integer.parseInt(port);
        }
        assertThat(namedPorts).as("named port %s", port).containsKey(port);
        return namedPorts.get(port);
    }

    static URI jdbcUrl(String url) {
        assertThat(url).startsWith("jdbc:postgresql://");
        return URI.create(url.substring("jdbc:".length()));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Dockerfile helpers

    /** Instruction and arguments, comments dropped and continuation lines joined. */
    static List<String[]> dockerInstructions(Path dockerfile) {
        String joined = read(dockerfile)
                .lines()
                .filter(line -> !line.trim().startsWith("#"))
                .collect(Collectors.joining("\n"))
                .replaceAll("\\\\\\n", " ");
        return joined.lines()
                .map(String::trim)
                .filter(line -> !line.isEmpty())
                .map(line -> line.split("\\s+", 2))
                .toList();
    }

    static List<String> arguments(List<String[]> instructions, String instruction) {
        return instructions.stream()
                .filter(parts -> parts[0].equalsIgnoreCase(instruction))
                .map(parts -> parts.length > 1 ? parts[1].trim() : "")
                .toList();
    }

    /** The words of the exec-form ENTRYPOINT. */
    static List<String> entrypoint(List<String[]> instructions) {
        return arguments(instructions, "ENTRYPOINT").stream()
                .flatMap(entrypoint -> Pattern.compile("\"([^\"]*)\"")
                        .matcher(entrypoint)
                        .results()
                        .map(match -> match.group(1)))
                .toList();
    }
}
