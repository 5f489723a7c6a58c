package io.commitmentsledger.contracts.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonObjectReaderTest {

    @Test
    void decodesStringsWithEveryEscape() {
        Map<String, JsonObjectReader.Value> members = JsonObjectReader.members(
                "{\"s\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u20AC\\ud83d\\ude00\", \"\\u0061ctor\":\"x\"}");

        assertThat(members.get("s").string()).isEqualTo("a\"b\\c/d\b\f\n\r\té€😀");
        assertThat(members.get("s").source())
                .isEqualTo("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u20AC\\ud83d\\ude00\"");
        assertThat(members.get("actor").string()).isEqualTo("x");
        assertThat(JsonObjectReader.stringMember("{\"a\":\"\\u0041\"}", "a")).isEqualTo("A");
    }

    @Test
    void keepsTheExactSourceOfEveryOtherValue() {
        String data = "{ \"b\" : [1, {\"c\": \"}\\\"]\"}] ,\"d\":{}, \"e\":[] }";
        String json =
                "{\n\t\"data\" :" + data + " ,\r\n \"n\":-12.5e+3, \"z\":0, \"t\":true,\"f\":false,\"nil\":null }  ";

        Map<String, JsonObjectReader.Value> members = JsonObjectReader.members(json);

        assertThat(members.keySet()).containsExactly("data", "n", "z", "t", "f", "nil");
        assertThat(members.get("data").source()).isEqualTo(data);
        assertThat(members.get("data").string()).isNull();
        assertThat(members.get("n").source()).isEqualTo("-12.5e+3");
        assertThat(members.get("z").source()).isEqualTo("0");
        assertThat(members.get("t").source()).isEqualTo("true");
        assertThat(members.get("f").source()).isEqualTo("false");
        assertThat(members.get("nil").source()).isEqualTo("null");
        assertThat(JsonObjectReader.stringMember(json, "data")).isEmpty();
        assertThat(JsonObjectReader.stringMember(json, "missing")).isEmpty();
        assertThat(JsonObjectReader.members(" {} ")).isEmpty();
    }

    @Test
    void readsNestingUpToItsLimit() {
        String nested = "[".repeat(60) + "]".repeat(60);

        assertThat(JsonObjectReader.members("{\"a\":" + nested + "}").get("a").source())
                .isEqualTo(nested);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "[]",
                "\"a\"",
                "{",
                "{\"a\"",
                "{\"a\":",
                "{\"a\":1",
                "{\"a\":1,}",
                "{,}",
                "{\"a\" 1}",
                "{\"a\":1 \"b\":2}",
                "{a:1}",
                "{'a':1}",
                "{\"a\":1}x",
                "{\"a\":1}{}",
                "{\"a\":1,\"a\":2}",
                "{\"a\":1,\"\\u0061\":2}",
                "{\"a\":\"tab\there\"}",
                "{\"a\":\"line\nbreak\"}",
                "{\"a\":\"\u0000\"}",
                "{\"a\":\"\\x\"}",
                "{\"a\":\"\\u12\"}",
                "{\"a\":\"\\u12G4\"}",
                "{\"a\":\"\\u+041\"}",
                "{\"a\":\"\\u-041\"}",
                "{\"a\":\"unterminated}",
                "{\"a\":tru}",
                "{\"a\":nul}",
                "{\"a\":True}",
                "{\"a\":01}",
                "{\"a\":-01}",
                "{\"a\":+1}",
                "{\"a\":1.}",
                "{\"a\":.5}",
                "{\"a\":1e}",
                "{\"a\":-}",
                "{\"a\":\u0661}",
                "{\"a\":[1,]}",
                "{\"a\":[1 2]}",
                "{\"a\":{\"b\"}}",
                "{\"a\":{\"b\":1,}}",
                "{\"a\":[}",
                "{\"a\":1\u00a0}",
            })
    void refusesMalformedJson(String json) {
        assertThatIllegalArgumentException().isThrownBy(() -> JsonObjectReader.members(json));
    }

    @Test
    void refusesNestingBeyondItsLimitWithoutOverflowingTheStack() {
        String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

        assertThatIllegalArgumentException()
                .isThrownBy(() -> JsonObjectReader.members(deep))
                .withMessageContaining("nested deeper");
    }
}
