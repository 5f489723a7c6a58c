package io.commitmentsledger.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class SchemaCompatibilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final JsonNode SCHEMA = JSON.readTree("""
            {"type": "object", "additionalProperties": false, "required": ["note"],
             "properties": {
               "note": {"type": "string", "minLength": 1, "maxLength": 100, "description": "What happened"},
               "format": {"enum": ["ONLINE", "IN_PERSON"]},
               "link": {"type": ["string", "null"], "format": "uri"}}}""");

    private static ObjectNode changed() {
        return SchemaCompatibility.copy(SCHEMA);
    }

    private static ObjectNode property(ObjectNode schema, String name) {
        return (ObjectNode) schema.get("properties").get(name);
    }

    @Test
    void acceptsAnUnchangedSchema() {
        assertThat(SchemaCompatibility.breakingChanges(SCHEMA, changed())).isEmpty();
    }

    @Test
    void acceptsDocumentationChangesAndLooserConstraints() {
        ObjectNode schema = changed();
        property(schema, "note")
                .put("description", "What happened, in a sentence")
                .put("maxLength", 200);
        ((ArrayNode) property(schema, "format").get("enum")).add("HYBRID");
        property(schema, "link").remove("format");

        assertThat(SchemaCompatibility.breakingChanges(SCHEMA, schema)).isEmpty();
    }

    @Test
    void acceptsANewOptionalProperty() {
        ObjectNode schema = changed();
        ((ObjectNode) schema.get("properties")).putObject("location").put("type", "string");

        assertThat(SchemaCompatibility.breakingChanges(SCHEMA, schema)).isEmpty();
    }

    @Test
    void acceptsMakingARequiredPropertyOptionalAndNullable() {
        ObjectNode schema = changed();
        schema.putArray("required");
        ObjectNode note = (ObjectNode) schema.get("properties").get("note");
        ObjectNode nullable = JSON.createObjectNode();
        nullable.putArray("anyOf").add(note.deepCopy()).addObject().put("type", "null");
        ((ObjectNode) schema.get("properties")).set("note", nullable);

        assertThat(SchemaCompatibility.breakingChanges(SCHEMA, schema)).isEmpty();
    }

    @Test
    void rejectsAlternativesNoneOfWhichAcceptsWhatWasAccepted() {
        ObjectNode schema = changed();
        ObjectNode alternatives = JSON.createObjectNode();
        alternatives.putArray("anyOf").addObject().put("type", "integer");
        ((ObjectNode) schema.get("properties")).set("note", alternatives);

        assertThat(SchemaCompatibility.breakingChanges(SCHEMA, schema)).isNotEmpty();
    }

    @Test
    void rejectsARemovedProperty() {
        ObjectNode schema = changed();
        ((ObjectNode) schema.get("properties")).remove("link");

        assertThat(SchemaCompatibility.breakingChanges(SCHEMA, schema))
                .singleElement()
                .asString()
                .contains("'link'");
    }

    @Test
    void rejectsANewRequiredProperty() {
        ObjectNode schema = changed();
        ((ArrayNode) schema.get("required")).add("format");

        assertThat(SchemaCompatibility.breakingChanges(SCHEMA, schema))
                .singleElement()
                .asString()
                .contains("'format' became required");
    }

    @Test
    void rejectsATighterOrDifferentConstraint() {
        ObjectNode shorter = changed();
        property(shorter, "note").put("maxLength", 50);
        ObjectNode retyped = changed();
        property(retyped, "note").put("type", "integer");
        ObjectNode fewerValues = changed();
        ((ArrayNode) property(fewerValues, "format").get("enum")).remove(1);
        ObjectNode patterned = changed();
        property(patterned, "note").put("pattern", "^[A-Z]");

        assertThat(SchemaCompatibility.breakingChanges(SCHEMA, shorter)).hasSize(1);
        assertThat(SchemaCompatibility.breakingChanges(SCHEMA, retyped)).hasSize(1);
        assertThat(SchemaCompatibility.breakingChanges(SCHEMA, fewerValues)).hasSize(1);
        assertThat(SchemaCompatibility.breakingChanges(SCHEMA, patterned)).hasSize(1);
    }

    @Test
    void rejectsClosingASchemaThatAllowedAdditionalProperties() {
        ObjectNode open = changed();
        open.remove("additionalProperties");

        assertThat(SchemaCompatibility.breakingChanges(open, changed())).hasSize(1);
    }
}
