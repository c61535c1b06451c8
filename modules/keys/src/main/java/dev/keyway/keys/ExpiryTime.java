package dev.keyway.keys;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;

/**
 * The time of an {@code authorized_keys} {@code expiry-time="…"} option (sshd(8) "AUTHORIZED_KEYS
 * FILE FORMAT"), after which the key is no longer accepted: {@code YYYYMMDD[Z]} or
 * {@code YYYYMMDDHHMM[SS][Z]}, in the server's time zone unless {@code Z} (or {@code UTC}, which
 * OpenSSH's {@code parse_absolute_time} also takes) says UTC.
 *
 * <p>It is read as OpenSSH reads it, with {@code strptime} and then {@code timegm} or
 * {@code mktime}: a day up to 31 and a second up to 61 are taken and carried over (20250231 is
 * 3 March), and a local time is standard time all year, since sshd hands {@code mktime} a
 * time that says no daylight saving is in effect.
 *
 * @param time the date and time as written, carried over
 * @param utc whether it is in UTC rather than the server's zone
 */
public record ExpiryTime(LocalDateTime time, boolean utc) {

    public ExpiryTime {
        Objects.requireNonNull(time, "time");
        if (time.getYear() < 0 || time.getYear() > 9999) {
            throw new IllegalArgumentException("an expiry time has a four-digit year");
        }
    }

    /**
     * Reads the text between the quotes of {@code expiry-time=}.
     *
     * @throws LineFormatException when it is none of the forms above
     */
    public static ExpiryTime parse(String text) throws LineFormatException {
        String upper = text.toUpperCase(Locale.ROOT);
        boolean utc = upper.endsWith("Z") || upper.endsWith("UTC");
        String digits = text.substring(0, text.length() - (upper.endsWith("Z") ? 1 : utc ? 3 : 0));
        if (!(digits.length() == 8 || digits.length() == 12 || digits.length() == 14)
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new LineFormatException("expiry-time= is not YYYYMMDD[Z] or YYYYMMDDHHMM[SS][Z]");
        }
        int month = field(digits, 4);
        int day = field(digits, 6);
        int hour = digits.length() > 8 ? field(digits, 8) : 0;
        int minute = digits.length() > 8 ? field(digits, 10) : 0;
        int second = digits.length() > 12 ? field(digits, 12) : 0;
        if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 61) {
            throw new LineFormatException("expiry-time= has a month, day, hour, minute or second out of range");
        }
        LocalDateTime time = LocalDateTime.of(Integer.parseInt(digits.substring(0, 4)), month, 1, hour, minute)
                .plusDays(day - 1L).plusSeconds(second);
        if (time.getYear() > 9999) {
            throw new LineFormatException("expiry-time= is past the year 9999");
        }
        return new ExpiryTime(time, utc);
    }

    private static int field(String digits, int at) {
        return Integer.parseInt(digits.substring(at, at + 2));
    }

    /** The instant it stands for, a local time read in {@code zone}'s standard time. */
    public Instant instant(ZoneId zone) {
        ZoneOffset offset = utc ? ZoneOffset.UTC : zone.getRules().getStandardOffset(time.toInstant(ZoneOffset.UTC));
        return time.toInstant(offset);
    }

    /** Whether the key is still accepted at {@code now}: sshd refuses it once the second is past. */
    public boolean allows(Instant now, ZoneId zone) {
        return now.getEpochSecond() <= instant(zone).getEpochSecond();
    }

    /** {@code YYYYMMDDHHMMSS}, and {@code Z} for UTC: what {@link #parse} reads back as this. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%04d%02d%02d%02d%02d%02d%s", time.getYear(), time.getMonthValue(),
                time.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond(), utc ? "Z" : "");
    }
}
