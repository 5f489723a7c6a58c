package io.commitmentsledger.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.commitmentsledger.contracts.events.EventTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Nothing under {@code deploy/} can run on the build machine (no container engine, no cluster), so this test keeps it
 * in step with the services instead: ports, probe paths, environment variable names, topics and partitions, databases
 * and the Dockerfile are read from the deploy files and compared with each service's {@code application.yml}, its
 * {@code @ConfigurationProperties} records (read from source) and {@link EventTypes}.
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
     * Spring Boot's own properties that the deploy files set but no {@code application.yml} names (Boot's metadata is
     * not on this module's classpath). Add to it only properties Boot really has.
     */
    static final Set<String> SPRING_BOOT_PROPERTIES =
            Set.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password");

    static Map<String, ServiceConfig> services;
    static Map<String, Object> compose;
    static List<Map<String, Object>> kubernetes;

    @BeforeAll
    static void load() {
        services = new LinkedHashMap<>();
        SERVICES.forEach(name -> services.put(name, ServiceConfig.of(name)));
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
                    .as("%s: management.endpoint.health.probes.enabled", service.name)
                    .isEqualTo("true");
            assertThat(service.setting("management.endpoint.health.group.readiness.include"))
                    .as("%s: readiness group (README: readiness needs PostgreSQL, not Kafka)", service.name)
                    .contains("db")
                    .doesNotContain("kafka");
        });
    }

    @Test
    void servicesUseTheContractsTopicAndTheirOwnDeadLetterTopic() {
        assertThat(service("commitments-service").setting("ledger.publication.topic"))
                .isEqualTo(EventTypes.DEFAULT_TOPIC);
        assertThat(service("projection-service").setting("ledger.projection.topic"))
                .isEqualTo(EventTypes.DEFAULT_TOPIC);
        assertThat(service("projection-service").setting("ledger.projection.dead-letter-topic"))
                .isEqualTo(EventTypes.DEFAULT_TOPIC + ".DLT");
        assertThat(publicationPartitions()).isPositive();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Every YAML file

    @Test
    void everyYamlFileUnderDeployParses() throws IOException {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            List<Path> yamlFiles =
                    files.filter(path -> path.toString().matches(".*\\.ya?ml")).toList();
            assertThat(yamlFiles).isNotEmpty();
            yamlFiles.forEach(file -> assertThat(documents(file))
                    .as("documents in %s", file)
                    .isNotEmpty()
                    .allSatisfy(document -> assertThat(document).isNotNull()));
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
                    .isNotBlank()
                    .matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
        });
        String namespace = string(object("Namespace", null), "metadata", "name");
        kubernetes.stream()
                .filter(object -> !Set.of("Namespace", "KafkaTopic").contains(string(object, "kind")))
                .forEach(object -> assertThat(string(object, "metadata", "namespace"))
                        .as("namespace of %s %s", string(object, "kind"), string(object, "metadata", "name"))
                        .isEqualTo(namespace));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // compose.yaml

    @Test
    void composeRunsEachServiceOnItsPortWithItsReadinessHealthcheck() {
        services.values().forEach(service -> {
            Map<String, Object> container = composeService(service.name);
            Map<String, String> env = composeEnvironment(container);
            int port = service.port(env);

            List<Integer> containerPorts = list(container, "ports").stream()
                    .map(DeployConsistencyTest::composeContainerPort)
                    .toList();
            assertThat(containerPorts)
                    .as("%s: published container ports", service.name)
                    .containsExactly(port);

            String healthcheck = String.join(" ", strings(list(container, "healthcheck", "test")));
            Matcher tcp = Pattern.compile("/dev/tcp/[^/]+/(\\d+)").matcher(healthcheck);
            assertThat(tcp.find())
                    .as("%s: healthcheck port in %s", service.name, healthcheck)
                    .isTrue();
            assertThat(Integer.parseInt(tcp.group(1)))
                    .as("%s: healthcheck port", service.name)
                    .isEqualTo(port);
            assertThat(healthcheck).as("%s: healthcheck path", service.name).contains("GET " + READINESS + " ");
        });
    }

    @Test
    void composeBuildsEachServiceFromTheSharedDockerfile() {
        services.values().forEach(service -> {
            Map<String, Object> container = composeService(service.name);
            assertThat(DEPLOY.resolve(string(container, "build", "context")).normalize())
                    .as("%s: build context", service.name)
                    .isEqualTo(ROOT);
            assertThat(ROOT.resolve(string(container, "build", "dockerfile")).normalize())
                    .as("%s: dockerfile", service.name)
                    .isEqualTo(DEPLOY.resolve("Dockerfile"));
            assertThat(string(container, "build", "args", "SERVICE"))
                    .as("%s: build arg SERVICE", service.name)
                    .isEqualTo(service.name);
            assertThat(string(container, "image")).contains("/" + service.name + ":");
        });
    }

    @Test
    void composeSetsOnlyEnvironmentVariablesTheServicesHave() {
        services.values()
                .forEach(service -> assertThat(service.unknown(
                                composeEnvironment(composeService(service.name)).keySet()))
                        .as("variables compose gives %s that bind to none of its properties", service.name)
                        .isEmpty());
    }

    @Test
    void composeStartsServicesOnlyOnceTheirDependenciesAreUp() {
        Map<String, Object> all = map(compose, "services");
        all.forEach((name, definition) -> {
            Object dependsOn = map(cast(definition)).get("depends_on");
            if (dependsOn instanceof Map<?, ?> dependencies) {
                dependencies.forEach((dependency, settings) -> {
                    assertThat(all).as("%s depends on %s", name, dependency).containsKey((String) dependency);
                    String condition = string(cast(settings), "condition");
                    if ("service_healthy".equals(condition)) {
                        assertThat(map(cast(all.get(dependency))))
                                .as("%s waits for %s to be healthy", name, dependency)
                                .containsKey("healthcheck");
                    }
                });
            }
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
            Map<String, String> env = composeEnvironment(composeService(service.name));
            for (String topic : service.topics(env)) {
                assertThat(created).as("%s uses topic %s", service.name, topic).containsKey(topic);
            }
        });
    }

    @Test
    void composeGivesEachServiceItsOwnDatabaseAndAKafkaListenerThatExists() throws IOException {
        String init = Files.readString(DEPLOY.resolve("postgres/init.sql"));
        String advertised = composeEnvironment(composeService("kafka")).get("KAFKA_ADVERTISED_LISTENERS");
        Set<String> databases = new LinkedHashSet<>();
        services.values().forEach(service -> {
            Map<String, String> env = composeEnvironment(composeService(service.name));
            URI url = jdbcUrl(env.get("SPRING_DATASOURCE_URL"));
            assertThat(map(compose, "services")).containsKey(url.getHost());
            String database = url.getPath().substring(1);
            databases.add(database);
            assertThat(init).contains("CREATE DATABASE " + database + " ");
            assertThat(init).contains("CREATE ROLE " + env.get("SPRING_DATASOURCE_USERNAME") + " ");
            for (String server : env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS").split(",")) {
                assertThat(advertised).as("%s's bootstrap server", service.name).contains("://" + server.trim());
            }
        });
        assertThat(databases).as("one database per service").hasSize(services.size());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // kubernetes/

    @Test
    void deploymentsListenOnTheServicePortAndProbeTheActuator() {
        services.values().forEach(service -> {
            Map<String, Object> container = deploymentContainer(service.name);
            int port = service.port(kubernetesEnvironment(service.name));
            Map<String, Integer> ports = new LinkedHashMap<>();
            list(container, "ports")
                    .forEach(entry -> ports.put(
                            string(cast(entry), "name"), Integer.parseInt(string(cast(entry), "containerPort"))));
            assertThat(ports.values()).as("%s: container ports", service.name).containsExactly(port);

            Map<String, String> paths =
                    Map.of("livenessProbe", LIVENESS, "readinessProbe", READINESS, "startupProbe", LIVENESS);
            paths.forEach((probe, path) -> {
                if (probe.equals("startupProbe") && !container.containsKey(probe)) {
                    return;
                }
                assertThat(string(container, probe, "httpGet", "path"))
                        .as("%s: %s path", service.name, probe)
                        .isEqualTo(path);
                assertThat(resolvePort(ports, string(container, probe, "httpGet", "port")))
                        .as("%s: %s port", service.name, probe)
                        .isEqualTo(port);
            });
            assertThat(string(container, "resources", "requests", "memory")).isNotBlank();
            assertThat(string(container, "resources", "limits", "memory")).isNotBlank();
            assertThat(string(container, "image")).contains("/" + service.name + ":");

            Map<String, Object> k8sService = object("Service", service.name);
            Map<String, Object> selector = map(k8sService, "spec", "selector");
            assertThat(selector).as("%s: Service selector", service.name).isNotEmpty();
            assertThat(map(object("Deployment", service.name), "spec", "template", "metadata", "labels"))
                    .as("%s: pod labels", service.name)
                    .containsAllEntriesOf(selector);
            list(k8sService, "spec", "ports")
                    .forEach(entry -> assertThat(resolvePort(ports, string(cast(entry), "targetPort")))
                            .as("%s: Service targetPort", service.name)
                            .isEqualTo(port));
        });
    }

    @Test
    void deploymentsSetOnlyEnvironmentVariablesTheServicesHave() {
        services.values().forEach(service -> {
            Map<String, String> env = kubernetesEnvironment(service.name);
            assertThat(service.unknown(env.keySet()))
                    .as("variables Kubernetes gives %s that bind to none of its properties", service.name)
                    .isEmpty();
            assertThat(env)
                    .containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
        });
        assertThat(services.keySet().stream()
                        .map(name -> jdbcUrl(kubernetesEnvironment(name).get("SPRING_DATASOURCE_URL"))
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
                    String name = Objects.requireNonNullElse(
                            string(topic, "spec", "topicName"), string(topic, "metadata", "name"));
                    topics.put(name, map(topic, "spec"));
                });

        assertThat(topics).containsKey(EventTypes.DEFAULT_TOPIC);
        Map<String, Object> events = topics.get(EventTypes.DEFAULT_TOPIC);
        assertThat(Integer.parseInt(string(events, "partitions"))).isEqualTo(publicationPartitions());

        Map<String, String> publisherEnv = kubernetesEnvironment("commitments-service");
        if (publisherEnv.containsKey("LEDGER_PUBLICATION_PARTITIONS")) {
            assertThat(publisherEnv.get("LEDGER_PUBLICATION_PARTITIONS")).isEqualTo(string(events, "partitions"));
        }
        if (publisherEnv.containsKey("LEDGER_PUBLICATION_REPLICAS")) {
            assertThat(publisherEnv.get("LEDGER_PUBLICATION_REPLICAS")).isEqualTo(string(events, "replicas"));
        }
        services.values().forEach(service -> {
            for (String topic : service.topics(kubernetesEnvironment(service.name))) {
                assertThat(topics).as("%s uses topic %s", service.name, topic).containsKey(topic);
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Dockerfile

    @Test
    void dockerfileRunsTheServiceJarAsANonRootUser() throws IOException {
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
        assertThat(args).contains("VERSION=" + projectVersion());

        List<String> copies = arguments(instructions, "COPY");
        assertThat(copies).hasSize(1);
        String[] copy = copies.get(0).split("\\s+");
        assertThat(copy[0]).isEqualTo("${SERVICE}/target/${SERVICE}-${VERSION}.jar");

        List<String> entrypoints = arguments(instructions, "ENTRYPOINT");
        assertThat(entrypoints).hasSize(1);
        List<String> entrypoint = Pattern.compile("\"([^\"]*)\"")
                .matcher(entrypoints.get(0))
                .results()
                .map(match -> match.group(1))
                .toList();
        assertThat(entrypoints.get(0)).as("exec form").startsWith("[");
        assertThat(entrypoint).first().isEqualTo("java");
        assertThat(entrypoint).containsSubsequence("-jar", copy[1]);

        // The jar the COPY names is what each module builds, and the build context lets it in.
        String ignore = Files.readString(DEPLOY.resolve("Dockerfile.dockerignore"));
        services.keySet().forEach(name -> {
            assertThat(pom(name)).contains("<artifactId>" + name + "</artifactId>");
            assertThat(ignore).contains("!" + name + "/target/" + name + "-");
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // What a service knows

    /** A service's configuration: its application.yml and its {@code @ConfigurationProperties} records. */
    static final class ServiceConfig {

        private static final Pattern RECORD = Pattern.compile(
                "@ConfigurationProperties\\(\\s*(?:(?:prefix|value)\\s*=\\s*)?\"([^\"]+)\"\\s*\\)\\s*"
                        + "(?:public\\s+)?record\\s+\\w+\\s*\\((.*?)\\)\\s*(?:implements[^{]*)?\\{",
                Pattern.DOTALL);
        private static final Pattern DEFAULT_VALUE = Pattern.compile("@DefaultValue\\(\\s*\"([^\"]*)\"\\s*\\)");
        private static final Pattern ANNOTATION =
                Pattern.compile("@[\\w.]+(?:\\((?:[^()\"]|\"(?:[^\"\\\\]|\\\\.)*\")*\\))?");
        private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(?::([^}]*))?}");

        final String name;
        /** application.yml, flattened to dotted keys. */
        final Map<String, String> yaml;
        /** Properties of the records, with their literal @DefaultValue where there is one (else null). */
        final Map<String, String> recordDefaults = new LinkedHashMap<>();
        /** Every environment variable name the service binds. */
        final Set<String> environmentNames = new TreeSet<>();

        private ServiceConfig(String name, Map<String, String> yaml) {
            this.name = name;
            this.yaml = yaml;
        }

        static ServiceConfig of(String name) {
            Path module = ROOT.resolve(name);
            ServiceConfig config = new ServiceConfig(
                    name, flatten(singleDocument(module.resolve("src/main/resources/application.yml"))));
            List<Path> sources = new ArrayList<>(List.of(module.resolve("src/main/java")));
            if (pom(name).contains("<artifactId>embedded-postgres</artifactId>")) {
                sources.add(ROOT.resolve("embedded-postgres/src/main/java"));
            }
            sources.forEach(config::readRecords);
            assertThat(config.recordDefaults)
                    .as("%s: @ConfigurationProperties found", name)
                    .isNotEmpty();

            Set<String> properties = new LinkedHashSet<>(config.yaml.keySet());
            properties.addAll(config.recordDefaults.keySet());
            properties.addAll(SPRING_BOOT_PROPERTIES);
            properties.forEach(property -> config.environmentNames.addAll(environmentNames(property)));
            config.yaml
                    .values()
                    .forEach(value -> PLACEHOLDER
                            .matcher(value)
                            .results()
                            .forEach(placeholder -> config.environmentNames.add(placeholder.group(1))));
            return config;
        }

        /** Both names Spring's relaxed binding takes from the environment: LEDGER_EVENTSTORE_X and LEDGER_EVENT_STORE_X. */
        static Set<String> environmentNames(String property) {
            String upper = property.toUpperCase().replace('.', '_');
            return new LinkedHashSet<>(List.of(upper.replace("-", ""), upper.replace('-', '_')));
        }

        private void readRecords(Path sourceRoot) {
            try (Stream<Path> files = Files.walk(sourceRoot)) {
                files.filter(path -> path.toString().endsWith(".java")).forEach(file -> {
                    Matcher record = RECORD.matcher(read(file));
                    while (record.find()) {
                        for (String component : splitComponents(record.group(2))) {
                            Matcher defaultValue = DEFAULT_VALUE.matcher(component);
                            String[] words = ANNOTATION
                                    .matcher(component)
                                    .replaceAll("")
                                    .trim()
                                    .split("\\s+");
                            String property = record.group(1) + "." + kebab(words[words.length - 1]);
                            recordDefaults.put(property, defaultValue.find() ? defaultValue.group(1) : null);
                        }
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static List<String> splitComponents(String components) {
            List<String> parts = new ArrayList<>();
            int depth = 0;
            boolean quoted = false;
            StringBuilder current = new StringBuilder();
            for (char c : components.toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == '(' || c == '<')) {
                    depth++;
                } else if (!quoted && (c == ')' || c == '>')) {
                    depth--;
                } else if (!quoted && depth == 0 && c == ',') {
                    parts.add(current.toString());
                    current.setLength(0);
                    continue;
                }
                current.append(c);
            }
            parts.add(current.toString());
            return parts.stream()
                    .map(String::trim)
                    .filter(part -> !part.isEmpty())
                    .toList();
        }

        private static String kebab(String camel) {
            return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
        }

        /** The property's value in application.yml, else its record default; placeholders resolve to their default. */
        String setting(String property) {
            String value = yaml.containsKey(property) ? yaml.get(property) : recordDefaults.get(property);
            return value == null
                    ? null
                    : PLACEHOLDER
                            .matcher(value)
                            .replaceAll(
                                    match -> Matcher.quoteReplacement(Objects.requireNonNullElse(match.group(2), "")));
        }

        /** The property's value when the service runs with this environment. */
        String setting(String property, Map<String, String> env) {
            for (String name : environmentNames(property)) {
                if (env.containsKey(name)) {
                    return env.get(name);
                }
            }
            String value = yaml.containsKey(property) ? yaml.get(property) : recordDefaults.get(property);
            if (value == null) {
                return null;
            }
            return PLACEHOLDER
                    .matcher(value)
                    .replaceAll(match -> Matcher.quoteReplacement(
                            env.getOrDefault(match.group(1), Objects.requireNonNullElse(match.group(2), ""))));
        }

        /** The names among these that bind to no property of the service. */
        Set<String> unknown(Set<String> names) {
            Set<String> unknown = new TreeSet<>(names);
            unknown.removeAll(environmentNames);
            return unknown;
        }

        int port(Map<String, String> env) {
            String port = setting("server.port", env);
            assertThat(port).as("%s: server.port", name).isNotNull().matches("\\d+");
            return Integer.parseInt(port);
        }

        /** The topics the service reads or writes with this environment. */
        List<String> topics(Map<String, String> env) {
            return Stream.of(
                            "ledger.publication.topic",
                            "ledger.projection.topic",
                            "ledger.projection.dead-letter-topic")
                    .filter(property -> yaml.containsKey(property) || recordDefaults.containsKey(property))
                    .map(property -> setting(property, env))
                    .toList();
        }
    }

    static ServiceConfig service(String name) {
        return services.get(name);
    }

    static int publicationPartitions() {
        return Integer.parseInt(service("commitments-service").setting("ledger.publication.partitions"));
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
            entries.forEach((key, value) -> env.put((String) key, value == null ? null : String.valueOf(value)));
        } else if (environment instanceof List<?> entries) {
            entries.forEach(entry -> {
                String[] pair = String.valueOf(entry).split("=", 2);
                env.put(pair[0], pair.length > 1 ? pair[1] : null);
            });
        }
        return env;
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

    static Map<String, Object> object(String kind, String name) {
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
            if (from.containsKey("configMapRef")) {
                map(object("ConfigMap", string(from, "configMapRef", "name")), "data")
                        .forEach((key, value) -> env.put(key, String.valueOf(value)));
            }
            if (from.containsKey("secretRef")) {
                Map<String, Object> secret = object("Secret", string(from, "secretRef", "name"));
                map(secret, "stringData").forEach((key, value) -> env.put(key, String.valueOf(value)));
                map(secret, "data").forEach((key, value) -> env.put(key, String.valueOf(value)));
            }
        });
        list(container, "env").forEach(entry -> env.put(string(cast(entry), "name"), string(cast(entry), "value")));
        return env;
    }

    static int resolvePort(Map<String, Integer> namedPorts, String port) {
        if (port != null && port.matches("\\d+")) {
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
    // Dockerfile and pom helpers

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

    static String pom(String module) {
        return read(ROOT.resolve(module).resolve("pom.xml"));
    }

    static String projectVersion() {
        Matcher version = Pattern.compile("<artifactId>commitments-ledger</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(read(ROOT.resolve("pom.xml")));
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // YAML helpers

    static List<Map<String, Object>> documents(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        try {
            for (Object document : new Yaml().loadAll(read(file))) {
                if (document != null) {
                    assertThat(document).as("a document in %s", file).isInstanceOf(Map.class);
                    documents.add(cast(document));
                }
            }
        } catch (RuntimeException e) {
            throw new AssertionError(file + " is not valid YAML: " + e.getMessage(), e);
        }
        return documents;
    }

    static Map<String, Object> singleDocument(Path file) {
        List<Map<String, Object>> documents = documents(file);
        assertThat(documents).as("documents in %s", file).hasSize(1);
        return documents.get(0);
    }

    static Map<String, String> flatten(Map<String, Object> tree) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", tree, flat);
        return flat;
    }

    private static void flatten(String prefix, Map<String, Object> tree, Map<String, String> flat) {
        tree.forEach((key, value) -> {
            String name = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?>) {
                flatten(name, cast(value), flat);
            } else {
                flat.put(name, value == null ? null : String.valueOf(value));
            }
        });
    }

    /** The value at the path, or null; intermediate maps that are missing count as empty. */
    static Object at(Map<String, Object> root, String... path) {
        Object current = root;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> node)) {
                return null;
            }
            current = node.get(key);
        }
        return current;
    }

    static String string(Map<String, Object> root, String... path) {
        Object value = at(root, path);
        return value == null ? null : String.valueOf(value);
    }

    static Map<String, Object> map(Map<String, Object> root, String... path) {
        Object value = at(root, path);
        return value == null ? Map.of() : cast(value);
    }

    static List<Object> list(Map<String, Object> root, String... path) {
        Object value = at(root, path);
        return value == null ? List.of() : cast(value);
    }

    static List<String> strings(List<?> values) {
        return values.stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    static <T> T cast(Object value) {
        return (T) value;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
