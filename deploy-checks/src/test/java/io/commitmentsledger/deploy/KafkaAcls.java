package io.commitmentsledger.deploy;

import static io.commitmentsledger.deploy.YamlTrees.cast;
import static io.commitmentsledger.deploy.YamlTrees.list;
import static io.commitmentsledger.deploy.YamlTrees.optionalString;
import static io.commitmentsledger.deploy.YamlTrees.string;
import static io.commitmentsledger.deploy.YamlTrees.strings;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ACLs of one Strimzi {@code KafkaUser} (simple authorization), and what they allow as Kafka's authorizer decides
 * it: a literal name or {@code *}, or a prefix, covers a resource; {@code All} allows every operation; Read, Write,
 * Delete and Alter imply Describe, AlterConfigs implies DescribeConfigs.
 */
record KafkaAcls(String user, List<Acl> acls) {

    /** One rule: resource type (topic, group, cluster, transactionalId), name and pattern type, operations. */
    record Acl(String type, String name, String patternType, Set<String> operations) {

        boolean covers(String resourceType, String resource) {
            if (!type.equals(resourceType)) {
                return false;
            }
            if (type.equals("cluster")) {
                return true;
            }
            return patternType.equals("prefix") ? resource.startsWith(name) : name.equals("*") || name.equals(resource);
        }

        boolean allows(String operation) {
            if (operations.contains(operation) || operations.contains("All")) {
                return true;
            }
            return switch (operation) {
                case "Describe" -> operations.stream().anyMatch(Set.of("Read", "Write", "Delete", "Alter")::contains);
                case "DescribeConfigs" -> operations.contains("AlterConfigs");
                default -> false;
            };
        }
    }

    static KafkaAcls of(Map<String, Object> kafkaUser) {
        String user = string(kafkaUser, "metadata", "name");
        List<Acl> acls = list(kafkaUser, "spec", "authorization", "acls").stream()
                .map(entry -> {
                    Map<String, Object> rule = cast(entry);
                    Map<String, Object> resource = YamlTrees.map(rule, "resource");
                    // `operation` (one) is the deprecated form of `operations`.
                    List<String> operations = optionalString(rule, "operation")
                            .map(List::of)
                            .orElseGet(() -> strings(list(rule, "operations")));
                    return new Acl(
                            string(resource, "type"),
                            optionalString(resource, "name").orElse(""),
                            optionalString(resource, "patternType").orElse("literal"),
                            Set.copyOf(operations));
                })
                .toList();
        return new KafkaAcls(user, acls);
    }

    boolean allows(String resourceType, String resource, String operation) {
        return acls.stream().anyMatch(acl -> acl.covers(resourceType, resource) && acl.allows(operation));
    }

    boolean allowsOnTopic(String topic, String operation) {
        return allows("topic", topic, operation);
    }
}
