package io.wksemu.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.wksemu.error.DomainException;
import io.wksemu.fixture.FixtureDocument;
import io.wksemu.fixture.FixtureParser;
import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** Strict reading of admin bodies and fixture documents, and the order problems are reported in. */
class JsonBodiesTest {

    /** Snake-case names, as quarkus.jackson.property-naming-strategy gives the application's mapper. */
    private final JsonBodies bodies = new JsonBodies(
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE),
            Validation.byDefaultProvider().configure()
                    .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    private String problem(String json) {
        return assertThrows(DomainException.class, () -> bodies.read(json.getBytes(StandardCharsets.UTF_8),
                FixtureDocument.class, FixtureParser.INVALID, FixtureDocument.SHAPE)).getMessage();
    }

    private FixtureDocument read(String json) {
        return bodies.read(json.getBytes(StandardCharsets.UTF_8), FixtureDocument.class, FixtureParser.INVALID, FixtureDocument.SHAPE);
    }

    @Test
    void bindingProblemsCarryTheEntryPath() {
        assertEquals("Invalid fixture: projects[1].daily_usage[0].usage_seconds: must be an integer",
                problem("{\"projects\": [{\"project_id\": \"a\"}, {\"project_id\": \"b\", \"daily_usage\": [{\"usage_seconds\": \"60\"}]}]}"));
        assertEquals("Invalid fixture: projects[0].desktops[0].resource_id: must be a string",
                problem("{\"projects\": [{\"project_id\": \"a\", \"desktops\": [{\"resource_id\": 7}]}]}"));
        assertEquals("Invalid fixture: projects[0].sessions: must be an array",
                problem("{\"projects\": [{\"project_id\": \"a\", \"sessions\": \"none\"}]}"));
        assertEquals("Invalid fixture: projects[0].colour: unknown field (allowed: daily_usage, desktops, login_failures, project_id, sessions)",
                problem("{\"projects\": [{\"project_id\": \"a\", \"colour\": 1}]}"));
        assertEquals("Invalid fixture: $: " + FixtureDocument.SHAPE, problem("[]"));
        assertEquals("Invalid fixture: $: a JSON body is required", problem(" \n"));
        assertEquals("Invalid fixture: Invalid JSON at line 2, column 3: unexpected content after the document.",
                problem("{\"projects\": []}\n  []"));
        // a trailing token the tokenizer itself refuses is still content after the document
        assertEquals("Invalid fixture: Invalid JSON at line 1, column 18: unexpected content after the document.",
                problem("{\"projects\": []} x"));
    }

    @Test
    void theFirstViolationFollowsTheRecordsComponentOrderAndSaysRequiredFirst() {
        FixtureDocument.Desktop desktop = new FixtureDocument.Desktop("", "a\u0000", "bad pool", null, null);
        assertEquals(Optional.of("projects[0].desktops[2].resource_id: required string"),
                bodies.firstViolation(desktop, "projects[0].desktops[2]"));
        FixtureDocument.Desktop nameOnly = new FixtureDocument.Desktop("d1", "a\u0000", "bad pool", null, null);
        assertEquals(Optional.of("x.resource_name: 1-128 characters, not blank, no control characters"),
                bodies.firstViolation(nameOnly, "x"));
        assertEquals(Optional.of("x.resource_pool_id: null or 1-64 letters, digits, '-', '_', '.' or ':'"),
                bodies.firstViolation(new FixtureDocument.Desktop("d1", "ok", "bad pool", null, null), "x"));
        assertEquals(Optional.empty(), bodies.firstViolation(new FixtureDocument.Desktop("d1", "ok", null, null, null), "x"));
    }

    @Test
    void aStrictReadDoesNotCoerce() {
        assertEquals(1, read("{\"projects\": [{\"project_id\": \"a\"}]}").projects().size());
        assertEquals("Invalid fixture: projects: must be an array", problem("{\"projects\": {\"project_id\": \"a\"}}"));
        assertEquals("Invalid fixture: projects[0].daily_usage[0].usage_seconds: must be an integer",
                problem("{\"projects\": [{\"project_id\": \"a\", \"daily_usage\": [{\"usage_seconds\": true}]}]}"));
        assertEquals("Invalid fixture: Invalid JSON at line 1, column 28: a field is given twice.",
                problem("{\"projects\": [], \"projects\": []}"));
    }
}
