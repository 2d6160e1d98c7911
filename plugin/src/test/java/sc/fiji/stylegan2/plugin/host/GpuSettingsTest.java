package sc.fiji.stylegan2.plugin.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorded GPU libtorch becomes the system properties DJL reads. */
class GpuSettingsTest {

    @TempDir Path tmp;

    @Test
    void recordedFolderBecomesDjlsLibraryPathVersionAndFlavor() throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("2.7.1-cu128-linux-x86_64"));
        Path file = tmp.resolve("settings/gpu.properties");
        GpuSettings.record(file, lib);
        Properties props = new Properties();
        assertTrue(GpuSettings.apply(file, props));
        assertEquals(lib.toAbsolutePath().toString(), props.getProperty(GpuSettings.LIBRARY_PATH));
        assertEquals(GpuSupport.VERSION, props.getProperty(GpuSettings.VERSION));
        assertEquals(GpuSupport.FLAVOR, props.getProperty(GpuSettings.FLAVOR));
    }

    @Test
    void propertyAlreadySetIsKept() throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        Path file = tmp.resolve("gpu.properties");
        GpuSettings.record(file, lib);
        Properties props = new Properties();
        props.setProperty(GpuSettings.FLAVOR, "cpu");
        GpuSettings.apply(file, props);
        assertEquals("cpu", props.getProperty(GpuSettings.FLAVOR));
    }

    @Test
    void deletedLibraryFolderLeavesTheCpuBuild() throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        Path file = tmp.resolve("gpu.properties");
        GpuSettings.record(file, lib);
        Files.delete(lib);
        Properties props = new Properties();
        assertFalse(GpuSettings.apply(file, props));
        assertTrue(props.isEmpty(), props.toString());
    }

    @Test
    void missingFileSetsNothing() {
        Properties props = new Properties();
        assertFalse(GpuSettings.apply(tmp.resolve("none.properties"), props));
        assertTrue(props.isEmpty(), props.toString());
    }
}
