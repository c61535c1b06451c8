package dev.keyway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** expiry-time= read as OpenSSH's parse_absolute_time reads it. */
class ExpiryTimeTest {
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    @Test
    void theThreeFormsInUtcOrLocalTime() throws Exception {
        assertEquals(new ExpiryTime(LocalDateTime.of(2030, 1, 2, 0, 0), true), ExpiryTime.parse("20300102Z"));
        assertEquals(new ExpiryTime(LocalDateTime.of(2030, 1, 2, 3, 4), false), ExpiryTime.parse("203001020304"));
        assertEquals(new ExpiryTime(LocalDateTime.of(2030, 1, 2, 3, 4, 5), true), ExpiryTime.parse("20300102030405z"));
        assertEquals(new ExpiryTime(LocalDateTime.of(2030, 1, 2, 0, 0), true), ExpiryTime.parse("20300102UTC"));
    }

    @Test
    void daysAndSecondsPastTheEndCarryOverAsMktimeDoes() throws Exception {
        assertEquals(LocalDateTime.of(2030, 3, 3, 0, 0), ExpiryTime.parse("20300231").time());
        assertEquals(LocalDateTime.of(2030, 1, 1, 0, 1, 1), ExpiryTime.parse("20300101000061").time());
    }

    @Test
    void malformedTimesDoNotParse() {
        for (String bad : new String[] {"2030010", "2030010203", "203001020304050", "20301301", "20300100",
                "203001012400", "203001010060", "20300101000062", "2030-1-01", "Z", "", "20300101X", "２０３００１０１"}) {
            assertThrows(LineFormatException.class, () -> ExpiryTime.parse(bad), bad);
        }
    }

    @Test
    void theKeyIsRefusedOnceTheSecondIsPast() throws Exception {
        ExpiryTime t = ExpiryTime.parse("20300101000000Z");
        Instant at = Instant.parse("2030-01-01T00:00:00Z");
        assertTrue(t.allows(at, ZoneOffset.UTC));
        assertTrue(t.allows(at.plusMillis(999), ZoneOffset.UTC));
        assertFalse(t.allows(at.plusSeconds(1), ZoneOffset.UTC));
    }

    /**
     * sshd hands mktime a time that says no daylight saving, so local times are standard time
     * all year: in Sydney's summer 09:46 is 10:46 AEDT, as sshd 9.2 logged for this very file.
     */
    @Test
    void aLocalTimeIsStandardTimeAllYear() throws Exception {
        ExpiryTime summer = ExpiryTime.parse("202612080946");
        assertEquals(Instant.parse("2026-12-07T23:46:00Z"), summer.instant(SYDNEY));
        ExpiryTime winter = ExpiryTime.parse("202607080946");
        assertEquals(Instant.parse("2026-07-07T23:46:00Z"), winter.instant(SYDNEY));
    }

    @Test
    void itsTextParsesBackToTheSameTime() throws Exception {
        ExpiryTime t = ExpiryTime.parse("20300231Z");
        assertEquals("20300303000000Z", t.toString());
        assertEquals(t, ExpiryTime.parse(t.toString()));
    }
}
