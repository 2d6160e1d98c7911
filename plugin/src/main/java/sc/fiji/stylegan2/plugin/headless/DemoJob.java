package sc.fiji.stylegan2.plugin.headless;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import sc.fiji.stylegan2.training.data.FashionMnist;

/**
 * The README's main job on a fresh machine, with nothing to download: writes the embedded
 * Fashion-MNIST subset (5,000 training images, MIT licence, see the training module's resources) as
 * an ImageJ TIFF stack, trains config {@code small} on it at 32 px through the real {@code Train
 * StyleGAN2} command (about ten minutes on two CPU cores by default), then runs {@code Generate
 * Images} and {@code Style Mixing} on the last checkpoint. Everything lands in one folder:
 *
 * <ul>
 *   <li>{@code fashion-mnist-subset.tif}: the training data;
 *   <li>{@code training/}: checkpoints ({@code .sg2}), fixed-seed grids, the CSV log;
 *   <li>{@code generated.tif}: 32 seeds; {@code style-mixing.tif}: the mixing grid (coarse styles).
 * </ul>
 *
 * <p>Usage: {@code ./stylegan2 --demo [DIR] [KIMG] [--verbose]} (defaults {@code stylegan2-demo},
 * 40 kimg: about ten minutes of training on a 2-core CPU; {@code --verbose} shows the engine's
 * information lines).
 */
public final class DemoJob {

    private DemoJob() {}

    public static void main(String[] argv) throws IOException {
        boolean verbose = ConsoleLogging.verbose(argv);
        ConsoleLogging.configureEngine(verbose);
        String[] args =
                Arrays.stream(argv)
                        .filter(a -> !a.equals(ConsoleLogging.VERBOSE))
                        .toArray(String[]::new);
        Path dir = Paths.get(args.length > 0 ? args[0] : "stylegan2-demo").toAbsolutePath();
        String kimg = args.length > 1 ? args[1] : "40";
        String[] options = verbose ? new String[] {ConsoleLogging.VERBOSE} : new String[0];
        Files.createDirectories(dir);
        Path data = writeEmbeddedSubset(dir.resolve("fashion-mnist-subset.tif"));
        Path training = dir.resolve("training");
        int rc =
                run(
                        "Train StyleGAN2",
                        "images='"
                                + data
                                + "',output_dir='"
                                + training
                                + "',resolution=32,"
                                + "config=small,kimg="
                                + kimg
                                + ",snapshot_kimg=10",
                        null,
                        options);
        Optional<Path> model = newestCheckpoint(training);
        if (rc == Headless.EXIT_OK && model.isPresent()) {
            String m = "model_file='" + model.get() + "'";
            rc = run("Generate Images", m + ",seeds='0-31'", dir.resolve("generated.tif"), options);
            if (rc == Headless.EXIT_OK) {
                rc =
                        run(
                                "Style Mixing",
                                m + ",row_seeds='0-5',col_seeds='6-11',col_styles=coarse",
                                dir.resolve("style-mixing.tif"),
                                options);
            }
        } else if (rc == Headless.EXIT_OK) {
            System.err.println("stylegan2: training wrote no checkpoint in " + training);
            rc = Headless.EXIT_FAILED;
        }
        System.exit(rc);
    }

    private static int run(String command, String args, Path save, String... options) {
        List<String> argv = new ArrayList<>(List.of("--run", command, args));
        if (save != null) {
            argv.addAll(List.of("--save", save.toString()));
        }
        argv.addAll(List.of(options));
        return Headless.run(argv.toArray(String[]::new), System.out, System.err);
    }

    /**
     * The embedded subset as an 8-bit TIFF stack, one 28×28 slice per image labelled with its
     * class.
     */
    static Path writeEmbeddedSubset(Path file) throws IOException {
        FashionMnist subset = FashionMnist.embedded();
        ImageStack stack = new ImageStack(subset.cols(), subset.rows());
        for (int i = 0; i < subset.size(); i++) {
            float[] p = subset.pixels(i);
            byte[] b = new byte[p.length];
            for (int k = 0; k < p.length; k++) {
                b[k] = (byte) Math.round(p[k]);
            }
            stack.addSlice(
                    FashionMnist.CLASSES.get(subset.label(i)),
                    new ByteProcessor(subset.cols(), subset.rows(), b));
        }
        if (!new FileSaver(new ImagePlus("fashion-mnist-subset", stack))
                .saveAsTiffStack(file.toString())) {
            throw new IOException("could not write " + file);
        }
        System.err.println(
                "stylegan2: wrote the training data, " + subset.size() + " images, to " + file);
        return file;
    }

    private static Optional<Path> newestCheckpoint(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".sg2"))
                    .max(Comparator.comparingLong(p -> p.toFile().lastModified()));
        }
    }
}
