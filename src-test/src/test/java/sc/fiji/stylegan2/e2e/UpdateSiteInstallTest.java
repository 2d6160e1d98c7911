package sc.fiji.stylegan2.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code update-site/install.sh} into a folder holding only the real ImageJ 1.54 jar, then ImageJ
 * started from that folder alone (its {@code ij.jar} on the class path, everything else from its
 * plugins/ and jars/) runs the commands by macro in batch mode under Xvfb. Also: Fiji's layout, and
 * the refusal to add a second version of a jar.
 */
class UpdateSiteInstallTest {

    @Test
    void aPlainImageJInstalledFromTheSiteRunsTheCommandsByMacro() throws Exception {
        Path home = plainImageJ("site-imagej");
        Processes.Result install = UpdateSite.install(home);
        assertEquals(0, install.code(), install::all);
        assertTrue(
                Files.exists(home.resolve("jars/jna-5.14.0.jar")),
                "Fiji's jna, which DJL runs with here");
        assertEquals(1, count(home.resolve("jars"), "jna-"), "one jna");

        Path results = home.resolve("results.txt");
        // As a user starts it: ij.jar alone on the class path, no -Dai.djl.offline.
        Processes.Result run =
                Processes.run(
                        List.of(
                                "xvfb-run",
                                "-a",
                                "-s",
                                "-screen 0 1024x768x24",
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Dplugins.dir=" + home,
                                "-Xss4m",
                                "-cp",
                                home.resolve("ij.jar").toString(),
                                "ij.ImageJ",
                                "-batch",
                                ImageJ1.macro(home, "stylegan2_site.ijm").toString(),
                                E2E.gray64() + "|" + home + "|" + results),
                        home,
                        Map.of("OMP_NUM_THREADS", E2E.ompThreads()),
                        300);
        Map<String, String> r = E2E.keyValues(results);
        assertEquals("true", r.get("done"), () -> "macro did not finish:\n" + run.all());

        assertEquals("true", r.get("djl.offline"), "the plugin set DJL's offline mode");
        assertEquals("4", r.get("generate.slices"));
        for (int s = 0; s < 4; s++) {
            assertEquals("seed=" + s, r.get("generate.label." + (s + 1)));
        }
        assertEquals("6", r.get("mixing.cells.slices"));
        assertEquals("row seed=1, col seed=4", r.get("mixing.cells.last"));
        assertEquals("256x192", r.get("mixing.grid.size"));
        assertEquals("64", r.get("activations.slices"));
        assertEquals("channel 5", r.get("activations.label.6"));
        assertEquals("64", r.get("statistics.rows"));
        assertEquals("5", r.get("statistics.channel.5"));
        assertEquals("1", r.get("project.slices"));
        assertEquals("seed1.tif", r.get("project.label.1"));
        assertEquals("1", r.get("project.latent"));
    }

    @Test
    void inFijiLibtorchGoesToThePlatformsJarsFolder() throws Exception {
        Path home = E2E.workDir("site-fiji");
        Files.createDirectories(home.resolve("jars"));
        Files.copy(ImageJ1.ijJar(), home.resolve("jars/ij-1.54p.jar"));
        Files.writeString(
                home.resolve("fiji-linux-x64"), ""); // Fiji's launcher marks the folder as Fiji
        Processes.Result install = UpdateSite.install(home, "--platform", "linux64");
        assertEquals(0, install.code(), install::all);
        assertTrue(
                Files.exists(
                        home.resolve("jars/linux64/pytorch-native-cpu-2.7.1-linux-x86_64.jar")),
                install::all);
        assertEquals(
                0,
                count(home.resolve("jars"), "pytorch-native-cpu-2.7.1-linux-x86_64"),
                "not in jars/ itself");
        assertFalse(Files.exists(home.resolve("jars/win64")), "only this platform's natives");
    }

    @Test
    void aSecondVersionOfAJarIsRefusedBeforeAnythingIsCopied() throws Exception {
        Path home = plainImageJ("site-conflict");
        Files.createDirectories(home.resolve("jars"));
        Files.writeString(home.resolve("jars/pickle-1.3.jar"), "another version");
        Processes.Result install = UpdateSite.install(home);
        assertEquals(2, install.code(), install::all);
        assertEquals("", install.out());
        assertTrue(
                install.err()
                        .matches(
                                "install\\.sh: jars/pickle-1\\.3\\.jar is already there; not adding "
                                        + "jars/pickle-1\\.5\\.jar beside it \\(a second version of the same jar\\)\n"),
                install.err());
        assertFalse(Files.exists(home.resolve("plugins")), "nothing was copied");
    }

    private static Path plainImageJ(String name) throws Exception {
        Path home = E2E.workDir(name);
        Files.copy(ImageJ1.ijJar(), home.resolve("ij.jar"));
        return home;
    }

    private static long count(Path dir, String prefix) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(
                            p ->
                                    p.getFileName().toString().startsWith(prefix)
                                            && Files.isRegularFile(p))
                    .count();
        }
    }
}
