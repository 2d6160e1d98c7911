package sc.fiji.stylegan2.plugin.task;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

/**
 * The small pretrained generator shipped in the plugin jar ({@code models/fashion-mnist-small.sg2}:
 * config {@code small}, 32 px, trained on the embedded Fashion-MNIST subset; {@code
 * models/README.md} says how it was made), written out as a file so that every command can open it.
 */
public final class BundledModel {

    /** The resource path of the model inside the jar. */
    public static final String RESOURCE = "/models/fashion-mnist-small.sg2";

    private BundledModel() {}

    /**
     * Writes the bundled model to {@code <java.io.tmpdir>/stylegan2/fashion-mnist-small.sg2}
     * (replacing an older copy; written to a temporary name first, so a concurrent reader never
     * sees half a file).
     *
     * @return the file written
     * @throws IOException if the jar lacks the model or the file cannot be written
     */
    public static Path extract() throws IOException {
        Path dir = Paths.get(System.getProperty("java.io.tmpdir"), "stylegan2");
        Files.createDirectories(dir);
        Path target = dir.resolve(Paths.get(RESOURCE).getFileName().toString());
        Path partial = Files.createTempFile(dir, "fashion-mnist-small", ".part");
        try (InputStream in = BundledModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the plugin jar has no " + RESOURCE);
            }
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        return target;
    }
}
