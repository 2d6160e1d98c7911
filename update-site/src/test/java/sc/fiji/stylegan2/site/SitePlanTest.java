package sc.fiji.stylegan2.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which artifacts the site ships and where, on jars written here and a small pom-scijava. */
class SitePlanTest {

    @TempDir Path dir;

    private FijiVersions fiji;

    @BeforeEach
    void fijiHasJna() throws Exception {
        fiji =
                FijiVersions.read(
                        Files.writeString(
                                dir.resolve("pom.xml"),
                                """
                <project><artifactId>pom-scijava</artifactId><version>45.1.0</version>
                  <dependencyManagement><dependencies>
                    <dependency><groupId>net.java.dev.jna</groupId><artifactId>jna</artifactId><version>5.14.0</version></dependency>
                  </dependencies></dependencyManagement>
                </project>
                """));
    }

    @Test
    void whatFijiShipsStaysOutOfTheSite() throws Exception {
        SitePlan plan =
                SitePlan.of(
                        List.of(
                                artifact("net.java.dev.jna", "jna", "", "5.14.0"),
                                artifact("ai.djl", "api", "", "0.35.1")),
                        fiji,
                        "me");
        assertEquals(
                List.of("jars/api-0.35.1.jar"),
                plan.siteFiles().stream().map(SiteFile::path).toList());
        assertEquals(
                List.of("jna-5.14.0.jar"),
                plan.fijiJars().stream().map(MavenArtifact::fileName).toList());
    }

    @Test
    void anotherVersionThanFijisFailsNamingBoth() throws Exception {
        List<MavenArtifact> artifacts = List.of(artifact("net.java.dev.jna", "jna", "", "5.17.0"));
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> SitePlan.of(artifacts, fiji, "me"));
        assertTrue(
                e.getMessage().contains("net.java.dev.jna:jna 5.17.0 (Fiji: 5.14.0)"),
                e.getMessage());
    }

    @Test
    void libtorchGoesToItsPlatformsFolderForThatPlatformOnly() throws Exception {
        SiteFile f =
                SitePlan.of(
                                List.of(
                                        artifact(
                                                "ai.djl.pytorch",
                                                "pytorch-native-cpu",
                                                "osx-aarch64",
                                                "2.7.1")),
                                fiji,
                                "me")
                        .siteFiles()
                        .get(0);
        assertEquals("jars/macos-arm64/pytorch-native-cpu-2.7.1-osx-aarch64.jar", f.path());
        assertEquals(List.of("macos-arm64"), f.platforms());
    }

    @Test
    void thePluginGoesToPluginsUnderItsUnderscoreNameAndNeedsTheLibraries() throws Exception {
        SitePlan plan =
                SitePlan.of(
                        List.of(
                                artifact(SitePlan.GROUP, SitePlan.PLUGIN_ARTIFACT, "", "1.0"),
                                artifact("ai.djl", "api", "", "0.35.1"),
                                artifact(
                                        "ai.djl.pytorch",
                                        "pytorch-native-cpu",
                                        "win-x86_64",
                                        "2.7.1")),
                        fiji,
                        "me");
        SiteFile plugin =
                plan.siteFiles().stream()
                        .filter(f -> f.path().startsWith("plugins/"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("plugins/StyleGAN2_Fiji-1.0.jar", plugin.path());
        assertEquals(List.of("jars/api-0.35.1.jar"), plugin.dependencies());
        assertEquals(List.of("me"), plugin.authors());
    }

    private MavenArtifact artifact(String group, String artifact, String classifier, String version)
            throws Exception {
        MavenArtifact a =
                new MavenArtifact(
                        group, artifact, "jar", classifier, version, "runtime", Path.of("x"));
        Path jar = TestJars.jar(dir.resolve(a.fileName()), Map.of("a.txt", a.fileName()));
        return new MavenArtifact(group, artifact, "jar", classifier, version, "runtime", jar);
    }
}
