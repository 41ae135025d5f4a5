package dev.triage.analysis;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlFlattenerTest {
    @Test
    void flattensNestedKeysWithLines() {
        String yaml = """
                spring:
                  datasource:
                    url: jdbc:x
                    password: s3cret
                servers:
                  - name: a
                  - name: b
                empty:
                """;
        List<PropertiesIndex.Entry> e = YamlFlattener.flatten("application.yml", yaml.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("spring.datasource.url", "spring.datasource.password", "servers[0].name", "servers[1].name", "empty"),
                e.stream().map(PropertiesIndex.Entry::key).toList(), e.toString());
        assertEquals(4, e.get(1).line());
        assertEquals("s3cret", e.get(1).value());
    }

    @Test
    void aliasBombAndGarbageYieldNothingQuickly() {
        StringBuilder bomb = new StringBuilder("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        for (int i = 1; i < 30; i++) {
            char p = (char) ('a' + (i - 1) % 26);
            bomb.append("k").append(i).append(": &k").append(i).append(" [*").append(i == 1 ? "a" : "k" + (i - 1))
                    .append(",*").append(i == 1 ? "a" : "k" + (i - 1)).append("]\n");
        }
        long t = System.nanoTime();
        YamlFlattener.flatten("bomb.yml", bomb.toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(System.nanoTime() - t < 60_000_000_000L, "a billion-laughs YAML is refused quickly (a bound for a loaded machine)");
        assertEquals(List.of(), YamlFlattener.flatten("bad.yml", "a: [unclosed\n  - :".getBytes(StandardCharsets.UTF_8)));
    }
}
