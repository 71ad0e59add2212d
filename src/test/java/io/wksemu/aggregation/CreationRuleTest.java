package io.wksemu.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wksemu.clock.StatisticsCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The created_at rule of SEMANTICS.md section 6, pure. */
class CreationRuleTest {

    private static final StatisticsCalendar SHANGHAI = new StatisticsCalendar(ZoneId.of("Asia/Shanghai"));
    private static final CreationRule RULE = new CreationRule(SHANGHAI);
    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    private static CreationRule.Use session(String login) {
        return new CreationRule.Use("sessions[0].login_at", login, at(login));
    }

    @Test
    void anExplicitCreatedAtRefusesUseOnAnEarlierDayOfTheZone() {
        CreationRule.Stored explicit = new CreationRule.Stored(at("2026-06-01T02:00:00Z"), true, null); // 06-01 10:00 in Shanghai
        // 2026-05-31T16:30Z is 06-01 00:30 in Shanghai: the created day itself
        assertEquals(new CreationRule.Creation(at("2026-06-01T02:00:00Z"), true),
                RULE.resolve("d", explicit, null, List.of(session("2026-05-31T16:30:00Z")), NOW));
        CreationRule.Refused refused = assertThrows(CreationRule.Refused.class,
                () -> RULE.resolve("d", explicit, null, List.of(session("2026-05-31T15:59:59Z")), NOW));
        assertEquals("sessions[0].login_at", refused.entry());
        assertEquals("2026-05-31T15:59:59Z is on a day before the created_at of desktop d (2026-06-01T02:00:00Z, given explicitly)",
                refused.problem());
        CreationRule.Listed defaultedFromExport = new CreationRule.Listed("desktops[0].created_at", at("2026-01-01T00:00:00Z"), false);
        assertThrows(CreationRule.Refused.class, () -> RULE.resolve("d", explicit, defaultedFromExport,
                List.of(CreationRule.Use.ofDay("daily_usage[0].day", LocalDate.of(2026, 5, 31), SHANGHAI)), NOW),
                "a defaulted value never makes a stored explicit one defaulted");
    }

    @Test
    void listingACreatedAtMakesItExplicitIfNoStoredUseIsOnAnEarlierDay() {
        CreationRule.Stored used = new CreationRule.Stored(at("2026-05-01T00:00:00Z"), false, at("2026-05-10T15:00:00Z"));
        CreationRule.Listed sameDay = new CreationRule.Listed("desktops[0].created_at", at("2026-05-10T15:30:00Z"), true);
        assertEquals(new CreationRule.Creation(at("2026-05-10T15:30:00Z"), true), RULE.resolve("d", used, sameDay, List.of(), NOW),
                "Shanghai 05-10 23:30, the day of the stored use (05-10 23:00)");
        CreationRule.Listed nextDay = new CreationRule.Listed("desktops[0].created_at", at("2026-05-10T16:00:00Z"), true);
        CreationRule.Refused refused = assertThrows(CreationRule.Refused.class, () -> RULE.resolve("d", used, nextDay, List.of(), NOW));
        assertEquals("desktops[0].created_at", refused.entry());
        assertEquals("2026-05-10T16:00:00Z is on a day after the stored use of desktop d on 2026-05-10", refused.problem());
    }

    @Test
    void aDefaultedCreatedAtIsTheEarliestOfWhatIsKnownElseTheLoadTime() {
        assertEquals(new CreationRule.Creation(NOW, false), RULE.resolve("d", null, null, List.of(), NOW));
        CreationRule.Stored defaulted = new CreationRule.Stored(at("2026-06-10T00:00:00Z"), false, null);
        assertEquals(new CreationRule.Creation(at("2026-06-10T00:00:00Z"), false), RULE.resolve("d", defaulted, null, List.of(), NOW),
                "listing it again later never moves it later");
        assertEquals(new CreationRule.Creation(at("2026-06-02T08:00:00Z"), false), RULE.resolve("d", defaulted, null,
                List.of(session("2026-06-12T08:00:00Z"), session("2026-06-02T08:00:00Z")), NOW));
        assertEquals(new CreationRule.Creation(at("2026-06-04T16:00:00Z"), false), RULE.resolve("d", defaulted, null,
                List.of(CreationRule.Use.ofDay("daily_usage[0].day", LocalDate.of(2026, 6, 5), SHANGHAI)), NOW));
        CreationRule.Listed exported = new CreationRule.Listed("desktops[0].created_at", at("2026-06-20T00:00:00Z"), false);
        assertEquals(new CreationRule.Creation(at("2026-06-20T00:00:00Z"), false), RULE.resolve("d", null, exported, List.of(), NOW));
        assertEquals(Instant.EPOCH, CreationRule.startOf(LocalDate.of(1970, 1, 1), SHANGHAI), "clamped to the accepted instants");
    }
}
