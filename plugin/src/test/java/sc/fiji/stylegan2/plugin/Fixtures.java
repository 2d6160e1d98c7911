package sc.fiji.stylegan2.plugin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import sc.fiji.stylegan2.model.StyleGAN2Model;

/** The reference fixtures made by the official NVlabs code (see fixtures/README.md). */
final class Fixtures {

    private Fixtures() {}

    /** The fixtures folder, from the {@code fixtures.dir} system property that surefire sets. */
    static Path dir() {
        String dir = System.getProperty("fixtures.dir");
        if (dir == null) {
            throw new IllegalStateException("system property fixtures.dir is not set (run the tests with Maven)");
        }
        return Path.of(dir);
    }

    /** The 64 px grayscale snapshot pickle. */
    static Path gray64Pickle() {
        return dir().resolve("res64-gray/network-snapshot-000000.pkl");
    }

    /** Raw output of the 64 px grayscale generator, shape [1, 1, 64, 64], for {@code psi} "1p00" or "0p70". */
    static float[] gray64Image(int seed, String psi) throws IOException {
        return readFloats(dir().resolve("res64-gray/img_seed" + seed + "_psi" + psi + ".bin"));
    }

    /**
     * Skips the calling test while the model library is still a stub (its methods throw
     * {@link UnsupportedOperationException}); any other outcome of loading lets the test run.
     */
    static void assumeModelLibrary() {
        if (modelLibraryMissing == null) {
            try (StyleGAN2Model model = StyleGAN2Model.load(gray64Pickle())) {
                modelLibraryMissing = "";
            } catch (UnsupportedOperationException e) {
                modelLibraryMissing = String.valueOf(e.getMessage());
            } catch (IOException | RuntimeException e) {
                modelLibraryMissing = ""; // a real loader that fails: let the test show it
            }
        }
        Assumptions.assumeTrue(modelLibraryMissing.isEmpty(), "model library not there yet: " + modelLibraryMissing);
    }

    private static String modelLibraryMissing;

    static float[] readFloats(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(values);
        return values;
    }
}
