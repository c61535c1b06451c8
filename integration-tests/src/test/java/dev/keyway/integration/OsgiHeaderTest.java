package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The header parser the manifest checks rely on; a wrong split would hide a wrong export. */
class OsgiHeaderTest {

    @Test
    void commasInsideQuotedUsesDirectiveDoNotStartAClause() {
        String header = "a.b;version=\"1.0\";uses:=\"a.c,a.d\",a.c;uses:=\"a.b\",a.d";
        assertEquals(Set.of("a.b", "a.c", "a.d"), OsgiHeader.packageNames(header));
    }

    @Test
    void oneClauseMayNameSeveralPackages() {
        assertEquals(Set.of("a.b", "a.c"), OsgiHeader.packageNames("a.b;a.c;version=2"));
    }

    @Test
    void symbolicNameDropsDirectives() {
        assertEquals("dev.keyway.api", OsgiHeader.symbolicName("dev.keyway.api;singleton:=true"));
    }
}
