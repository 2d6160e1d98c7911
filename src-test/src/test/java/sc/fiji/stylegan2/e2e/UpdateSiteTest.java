package sc.fiji.stylegan2.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.site.FijiVersions;
import sc.fiji.stylegan2.site.UpdaterChecksum;

/**
 * The update site Maven built: db.xml.gz against the stored files, the layout, and nothing Fiji
 * ships.
 */
class UpdateSiteTest {

    private static Path site;
    private static List<UpdateSite.Entry> entries;

    @BeforeAll
    static void read() throws Exception {
        site = UpdateSite.dir();
        entries = UpdateSite.entries(site);
    }

    @Test
    void dbXmlListsEveryStoredFileOnce() throws Exception {
        Set<String> stored;
        try (Stream<Path> s = Files.walk(site)) {
            stored =
                    s.filter(Files::isRegularFile)
                            .map(p -> site.relativize(p).toString())
                            .filter(n -> !n.equals("db.xml.gz"))
                            .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> listed =
                entries.stream()
                        .map(e -> site.relativize(e.stored(site)).toString())
                        .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(stored, listed);
        assertEquals(entries.size(), listed.size(), "a file is listed twice");
    }

    @Test
    void eachListedFileHasItsSizeAndTheUpdatersChecksum() throws Exception {
        for (UpdateSite.Entry e : entries) {
            Path file = e.stored(site);
            assertEquals(Files.size(file), e.filesize(), e.filename());
            assertEquals(UpdaterChecksum.of(e.filename(), file), e.checksum(), e.filename());
        }
    }

    @Test
    void timestampsAreTheUpdatersFourteenDigitDates() {
        for (UpdateSite.Entry e : entries) {
            assertTrue(
                    String.valueOf(e.timestamp())
                            .matches("20\\d{2}(0\\d|1[0-2])[0-3]\\d[0-2]\\d[0-5]\\d[0-5]\\d"),
                    e.filename() + " " + e.timestamp());
        }
    }

    @Test
    void thePluginIsInPluginsAndNeedsTheSitesLibraries() {
        UpdateSite.Entry plugin =
                single(e -> e.filename().matches("plugins/StyleGAN2_Fiji-.+\\.jar"));
        List<String> libraries =
                entries.stream()
                        .filter(e -> e.filename().startsWith("jars/") && e.platforms().isEmpty())
                        .map(UpdateSite.Entry::filename)
                        .sorted()
                        .toList();
        assertEquals(libraries, plugin.dependencies().stream().sorted().toList());
        assertTrue(
                libraries.stream().anyMatch(n -> n.matches("jars/pytorch-engine-.+\\.jar")),
                libraries::toString);
    }

    @Test
    void libtorchIsInTheFolderOfEachPlatformDjlPublishesFor() {
        Map<String, String> classifierByPlatform =
                Map.of(
                        "linux64",
                        "linux-x86_64",
                        "linux-arm64",
                        "linux-aarch64",
                        "macos-arm64",
                        "osx-aarch64",
                        "win64",
                        "win-x86_64");
        List<UpdateSite.Entry> natives =
                entries.stream().filter(e -> !e.platforms().isEmpty()).toList();
        assertEquals(classifierByPlatform.size(), natives.size());
        for (UpdateSite.Entry e : natives) {
            String platform = e.platforms().get(0);
            assertEquals(List.of(platform), e.platforms());
            assertEquals(
                    "jars/"
                            + platform
                            + "/pytorch-native-cpu-2.7.1-"
                            + classifierByPlatform.get(platform)
                            + ".jar",
                    e.filename());
        }
    }

    @Test
    void noJarThatFijiShipsIsInTheSite() throws Exception {
        Set<String> fijiNames =
                FijiVersions.read(UpdateSite.pomScijava()).keys().stream()
                        .map(k -> k.substring(k.indexOf(':') + 1))
                        .collect(Collectors.toSet());
        fijiNames.add("slf4j-simple"); // managed too; named because the plugin's launcher uses it
        for (UpdateSite.Entry e : entries) {
            String name = Path.of(e.filename()).getFileName().toString();
            String artifact = name.replaceFirst("-\\d.*$", "");
            assertFalse(fijiNames.contains(artifact), e.filename() + " is a jar Fiji ships");
        }
    }

    private static UpdateSite.Entry single(java.util.function.Predicate<UpdateSite.Entry> which) {
        List<UpdateSite.Entry> found = entries.stream().filter(which).toList();
        assertEquals(1, found.size(), () -> found.toString());
        return found.get(0);
    }
}
