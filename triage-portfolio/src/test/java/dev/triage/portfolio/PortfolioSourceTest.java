package dev.triage.portfolio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortfolioSourceTest {
    @TempDir
    Path tmp;

    @Test
    void appKeysLeaveOutExtensionsAndVersions() {
        assertEquals("vendor/portal", PortfolioSource.appKeyOf("vendor/portal-1.4.2.war"));
        assertEquals("app", PortfolioSource.appKeyOf("app_v3.apk"));
        assertEquals("app", PortfolioSource.appKeyOf("app-2.0-SNAPSHOT.jar"));
        assertEquals("records", PortfolioSource.appKeyOf("records.war"));
        assertEquals("1.0", PortfolioSource.appKeyOf("1.0.war"), "a name that is only a version stays");
    }

    @Test
    void directoryListsArtifactsInPathOrder() throws Exception {
        Files.createDirectories(tmp.resolve("b"));
        Files.writeString(tmp.resolve("b/clinic-2.0.apk"), "x");
        Files.writeString(tmp.resolve("a-1.war"), "x");
        Files.writeString(tmp.resolve("notes.txt"), "x");
        PortfolioSource.Listing l = PortfolioSource.read(tmp);
        assertEquals(List.of("a", "b/clinic"), l.entries().stream().map(e -> e.app().key()).toList());
        assertEquals("android", l.entries().get(1).app().platform());
    }

    @Test
    void manifestRowsWithProblemsAreReportedAndTheOthersKept() throws Exception {
        Files.writeString(tmp.resolve("m.csv"), """
                path,app_id,name,category,vendor,version,store_updated,colour
                apps/portal-1.war,portal,"Patient Portal, EU",records,Acme,1.0,2024-03-01,blue
                apps/clinic.apk,,,,,,,
                apps/readme.txt,x,,,,,,
                apps/old.war,old,,,,,01/02/2020,
                ,nopath,,,,,,
                """);
        PortfolioSource.Listing l = PortfolioSource.read(tmp.resolve("m.csv"));
        assertEquals(2, l.entries().size());
        PortfolioEntry portal = l.entries().get(0);
        assertEquals("Patient Portal, EU", portal.app().name());
        assertEquals("records", portal.app().category());
        assertEquals((int) LocalDate.of(2024, 3, 1).toEpochDay(), portal.app().storeUpdatedDay());
        assertEquals(tmp.resolve("apps/portal-1.war"), portal.path());
        assertEquals("apps/clinic", l.entries().get(1).app().key());
        assertNull(l.entries().get(1).app().vendor());
        assertEquals(4, l.problems().size(), l.problems().toString());
        assertTrue(l.problems().get(0).contains("unknown column 'colour'"));
        assertTrue(l.problems().stream().anyMatch(p -> p.contains("line 4") && p.contains("not an artifact")));
        assertTrue(l.problems().stream().anyMatch(p -> p.contains("line 5") && p.contains("yyyy-mm-dd")));
        assertTrue(l.problems().stream().anyMatch(p -> p.contains("line 6") && p.contains("no path")));
    }

    @Test
    void aManifestWithoutAPathColumnIsRefused() throws Exception {
        Files.writeString(tmp.resolve("m.csv"), "app_id,name\nx,y\n");
        assertThrows(java.io.IOException.class, () -> PortfolioSource.read(tmp.resolve("m.csv")));
    }
}
