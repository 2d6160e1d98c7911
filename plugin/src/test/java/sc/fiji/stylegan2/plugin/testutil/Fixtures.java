package sc.fiji.stylegan2.plugin.testutil;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import sc.fiji.stylegan2.model.Calibration;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.network.GeneratorConfig;

/** The reference fixtures made by the official NVlabs code (see fixtures/README.md). */
public final class Fixtures {

    private Fixtures() {}

    /** The fixtures folder, from the {@code fixtures.dir} system property that surefire sets. */
    public static Path dir() {
        String dir = System.getProperty("fixtures.dir");
        if (dir == null) {
            throw new IllegalStateException(
                    "system property fixtures.dir is not set (run the tests with Maven)");
        }
        return Path.of(dir);
    }

    /** The 64 px grayscale snapshot pickle. */
    public static Path gray64Pickle() {
        return dir().resolve("res64-gray/network-snapshot-000000.pkl");
    }

    /** The 64 px grayscale generator's configuration, for {@code Float32} tolerances. */
    public static GeneratorConfig gray64Config() throws IOException {
        try (StyleGAN2Model model = StyleGAN2Model.load(gray64Pickle())) {
            return model.config();
        }
    }

    /** The 32 px RGB snapshot pickle. */
    /**
     * The official snapshot at 12 kimg with ADA p = 0.375 (8 px, 1 channel) that the training
     * module's tests use; its README there says how the official code made it.
     */
    public static Path officialSnapshot12() {
        return Path.of("..", "training", "src", "test", "resources", "official-snapshot")
                .resolve("network-snapshot-000012.pkl");
    }

    public static Path rgb32Pickle() {
        return dir().resolve("res32-rgb/network-snapshot-000000.pkl");
    }

    /**
     * The 32 px RGB model with pixel size {@code calibration}, written in this project's format to
     * {@code folder}.
     */
    public static Path calibratedRgb32(Path folder, Calibration calibration) throws IOException {
        Path file = folder.resolve("calibrated-rgb32.sg2");
        try (StyleGAN2Model model = StyleGAN2Model.load(rgb32Pickle())) {
            model.setCalibration(calibration);
            model.save(file);
        }
        return file;
    }

    /** The conditional fixtures folder ({@code fixtures-conditional}, beside {@link #dir()}). */
    public static Path conditional() {
        return dir().resolveSibling("fixtures-conditional");
    }

    /**
     * A file of the conditional 32 px fixture (4 classes), e.g. {@code
     * network-snapshot-000000.pkl}.
     */
    public static Path cond4(String name) {
        return conditional().resolve("res32-cond4").resolve(name);
    }

    /** A file of the 64 px grayscale fixture folder, e.g. {@code G_ema.pt}. */
    public static Path gray64(String name) {
        return dir().resolve("res64-gray").resolve(name);
    }

    /**
     * Raw output of the 64 px grayscale generator, shape [1, 1, 64, 64], for {@code psi} "1p00" or
     * "0p70".
     */
    public static float[] gray64Image(int seed, String psi) throws IOException {
        return readFloats(dir().resolve("res64-gray/img_seed" + seed + "_psi" + psi + ".bin"));
    }

    public static float[] readFloats(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(values);
        return values;
    }
}
