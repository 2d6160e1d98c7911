package sc.fiji.stylegan2.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fiji's versions from a pom-scijava-like pom: managed dependencies, versions through property
 * chains.
 */
class FijiVersionsTest {

    @TempDir Path dir;

    @Test
    void aManagedVersionIsResolvedThroughItsPropertyChain() throws Exception {
        assertEquals(Optional.of("5.14.0"), read().version("net.java.dev.jna:jna"));
    }

    @Test
    void anArtifactThePomDoesNotManageHasNoFijiVersion() throws Exception {
        assertEquals(Optional.empty(), read().version("ai.djl:api"));
    }

    @Test
    void theSourceNamesThePomAndItsVersion() throws Exception {
        assertEquals("pom-scijava 45.1.0", read().source());
    }

    private FijiVersions read() throws Exception {
        Path pom =
                Files.writeString(
                        dir.resolve("pom.xml"),
                        """
                <project>
                  <artifactId>pom-scijava</artifactId>
                  <version>45.1.0</version>
                  <properties>
                    <jna.version>5.14.0</jna.version>
                    <net.java.dev.jna.jna.version>${jna.version}</net.java.dev.jna.jna.version>
                  </properties>
                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>net.java.dev.jna</groupId>
                        <artifactId>jna</artifactId>
                        <version>${net.java.dev.jna.jna.version}</version>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>
                </project>
                """);
        return FijiVersions.read(pom);
    }
}
