package sc.fiji.stylegan2.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.generate.LatentSource;
import sc.fiji.stylegan2.model.latent.LatentFile;
import sc.fiji.stylegan2.model.latent.Latents;
import sc.fiji.stylegan2.model.network.GeneratorConfig;

/**
 * Paths the end-to-end tests share: fixtures, the repository, the packaged plugin, a work folder.
 */
final class E2E {

    private E2E() {}

    static Path fixtures() {
        return Path.of(property("fixtures.dir")).toAbsolutePath().normalize();
    }

    /** The 64 px grayscale snapshot pickle. */
    static Path gray64() {
        return fixtures().resolve("res64-gray/network-snapshot-000000.pkl");
    }

    /** The 64 px grayscale generator's configuration, for {@code Float32} tolerances. */
    static GeneratorConfig gray64Config() throws IOException {
        try (StyleGAN2Model model = StyleGAN2Model.load(gray64())) {
            return model.config();
        }
    }

    /**
     * libtorch's thread count for the JVMs the tests start: this JVM's (surefire sets
     * OMP_NUM_THREADS), else 2, so that a test's own computations and those of the processes it
     * starts use the same kernels.
     */
    static String ompThreads() {
        String threads = System.getenv("OMP_NUM_THREADS");
        return threads == null || threads.isBlank() ? "2" : threads;
    }

    /** The 32 px RGB snapshot pickle. */
    static Path rgb32() {
        return fixtures().resolve("res32-rgb/network-snapshot-000000.pkl");
    }

    /** The official raw image of the 64 px fixture, [64 * 64], for psi "1p00" or "0p70". */
    static float[] gray64Image(int seed, String psi) throws IOException {
        return floats(fixtures().resolve("res64-gray/img_seed" + seed + "_psi" + psi + ".bin"));
    }

    /** The conditional 32 px fixture's snapshot pickle (4 classes). */
    static Path cond4() {
        return fixtures()
                .resolveSibling("fixtures-conditional")
                .resolve("res32-cond4/network-snapshot-000000.pkl");
    }

    /**
     * The official raw image of the conditional fixture, [3 * 32 * 32], for psi "1p00" or "0p70"
     * and class 0 or 3.
     */
    static float[] cond4Image(int seed, String psi, int classIndex) throws IOException {
        return floats(
                cond4().resolveSibling(
                                "img_seed" + seed + "_psi" + psi + "_c" + classIndex + ".bin"));
    }

    /** A little-endian float32 file. */
    private static float[] floats(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / 4];
        b.asFloatBuffer().get(v);
        return v;
    }

    /** Writes the ws of seeds of the 64 px model (mapped in one batch, psi 1) as a latent file. */
    static Path seedLatents(Path file, long... seeds) throws IOException {
        try (StyleGAN2Model model = StyleGAN2Model.load(gray64())) {
            LatentFile.write(
                    file,
                    LatentSource.seeds("seeds", seeds)
                            .resolve(model.imageGenerator(), 1)
                            .latents());
        }
        return file;
    }

    /**
     * A latent file of the 32 px RGB model's shape ([1, 8, 128]), which the 64 px model must
     * refuse.
     */
    static Path rgb32ShapedLatent(Path file) throws IOException {
        LatentFile.write(file, new Latents(1, 8, 128, new float[8 * 128]));
        return file;
    }

    /**
     * Writes 8 float images of 16 x 16 px, random values in 1000..1500 (a 32-bit microscopy-like
     * stack), as an ImageJ TIFF stack for training; returns the file.
     */
    static Path trainingImages(Path tif) {
        ij.ImageStack stack = new ij.ImageStack(16, 16);
        java.util.Random random = new java.util.Random(2);
        for (int i = 0; i < 8; i++) {
            float[] px = new float[16 * 16];
            for (int k = 0; k < px.length; k++) {
                px[k] = 1000 + 500 * random.nextFloat();
            }
            stack.addSlice(new ij.process.FloatProcessor(16, 16, px));
        }
        assertTrue(
                new ij.io.FileSaver(new ij.ImagePlus("cells", stack))
                        .saveAsTiffStack(tif.toString()));
        return tif;
    }

    static Path repoRoot() {
        return Path.of(property("repo.root")).toAbsolutePath().normalize();
    }

    /** A fresh folder under target/e2e. */
    static Path workDir(String name) throws IOException {
        Path dir = Path.of(property("e2e.work")).resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }

    /** The packaged plugin jar, plugin/target/StyleGAN2_Fiji-*.jar. */
    static Path pluginJar() throws IOException {
        Path target = repoRoot().resolve("plugin/target");
        try (Stream<Path> s = Files.list(target)) {
            return s.filter(p -> p.getFileName().toString().matches("StyleGAN2_Fiji-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(
                            () ->
                                    new IllegalStateException(
                                            "no StyleGAN2_Fiji-*.jar in "
                                                    + target
                                                    + ": run src-test with mvn package, verify or install"));
        }
    }

    /** plugin/target/dependency: the runtime dependencies copied at package time. */
    static Path pluginDependencies() {
        Path deps = repoRoot().resolve("plugin/target/dependency");
        assertTrue(
                Files.isDirectory(deps),
                deps + " is missing: run src-test with mvn package or later");
        return deps;
    }

    /** Parses {@code key=value} lines (the result files the macros and the GUI driver write). */
    static Map<String, String> keyValues(Path file) throws IOException {
        if (!Files.exists(file)) {
            fail(file + " was not written");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return out;
    }

    private static String property(String name) {
        String v = System.getProperty(name);
        if (v == null) {
            throw new IllegalStateException(
                    "system property " + name + " is not set (run the tests with Maven)");
        }
        return v;
    }
}
