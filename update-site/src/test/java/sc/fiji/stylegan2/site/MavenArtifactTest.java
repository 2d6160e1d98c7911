package sc.fiji.stylegan2.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Lines of {@code mvn dependency:list -DoutputAbsoluteArtifactFilename=true}. */
class MavenArtifactTest {

    @Test
    void aLineWithAClassifierGivesAllCoordinatesAndTheFile() {
        MavenArtifact a =
                MavenArtifact.parse(
                                "ai.djl.pytorch:pytorch-native-cpu:jar:win-x86_64:2.7.1:runtime:"
                                        + "/m2/pytorch-native-cpu-2.7.1-win-x86_64.jar")
                        .orElseThrow();
        assertEquals(
                new MavenArtifact(
                        "ai.djl.pytorch",
                        "pytorch-native-cpu",
                        "jar",
                        "win-x86_64",
                        "2.7.1",
                        "runtime",
                        Path.of("/m2/pytorch-native-cpu-2.7.1-win-x86_64.jar")),
                a);
        assertEquals("pytorch-native-cpu-2.7.1-win-x86_64.jar", a.fileName());
    }

    @Test
    void theModuleSuffixIsNotPartOfTheFile() {
        MavenArtifact a =
                MavenArtifact.parse(
                                "net.java.dev.jna:jna:jar:5.14.0:compile:/m2/jna-5.14.0.jar -- module "
                                        + "com.sun.jna [auto]")
                        .orElseThrow();
        assertEquals("", a.classifier());
        assertEquals(Path.of("/m2/jna-5.14.0.jar"), a.file());
        assertEquals("net.java.dev.jna:jna", a.key());
    }

    @Test
    void aLineThatNamesNoArtifactIsSkipped() {
        assertTrue(MavenArtifact.parse("The following files have been resolved:").isEmpty());
    }
}
