package sc.fiji.stylegan2.plugin.host;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;

/**
 * The GPU libtorch Install GPU Support recorded ({@code ~/.stylegan2/gpu.properties}), turned into
 * the settings DJL reads before its engine loads: {@code PYTORCH_LIBRARY_PATH}, {@code
 * PYTORCH_VERSION} and {@code PYTORCH_FLAVOR}. DJL 0.35.1 reads each through {@code
 * Utils.getEnvOrSystemProperty}: the environment variable first, then the system property of the
 * same name, so an environment variable the user set wins over the file.
 */
public final class GpuSettings {

    /** DJL's setting naming the folder of a libtorch build (it wins over any native jar). */
    public static final String LIBRARY_PATH = "PYTORCH_LIBRARY_PATH";

    /** DJL's setting of the libtorch version. */
    public static final String VERSION = "PYTORCH_VERSION";

    /** DJL's setting of the libtorch flavor. */
    public static final String FLAVOR = "PYTORCH_FLAVOR";

    private static final List<String> KEYS = List.of(LIBRARY_PATH, VERSION, FLAVOR);

    private GpuSettings() {}

    /** {@code ~/.stylegan2/gpu.properties}. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".stylegan2", "gpu.properties");
    }

    /** Writes {@code file} (atomically) naming the libtorch build in {@code libraryFolder}. */
    public static void record(Path file, Path libraryFolder) throws IOException {
        Properties p = new Properties();
        p.setProperty(LIBRARY_PATH, libraryFolder.toAbsolutePath().toString());
        p.setProperty(VERSION, GpuSupport.VERSION);
        p.setProperty(FLAVOR, GpuSupport.FLAVOR);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "gpu", ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp)) {
            p.store(w, "Written by StyleGAN2 Install GPU Support; delete to use the CPU");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Sets DJL's settings from {@code file} into {@code target} (the system properties), each only
     * where unset; nothing when the file is missing or the library folder it names is gone.
     *
     * @return whether the settings were applied
     */
    public static boolean apply(Path file, Properties target) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        String folder = p.getProperty(LIBRARY_PATH);
        if (folder == null || !Files.isDirectory(Path.of(folder))) {
            return false;
        }
        for (String key : KEYS) {
            String value = p.getProperty(key);
            if (value != null) {
                target.putIfAbsent(key, value);
            }
        }
        return true;
    }

    /** {@link #apply} of the {@link #defaultFile()} to the system properties; never throws. */
    public static void applyDefault() {
        try {
            apply(defaultFile(), System.getProperties());
        } catch (RuntimeException e) {
            System.err.println("StyleGAN2: ignoring GPU settings: " + e.getMessage());
        }
    }
}
