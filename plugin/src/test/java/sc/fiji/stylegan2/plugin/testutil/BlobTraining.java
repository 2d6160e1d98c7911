package sc.fiji.stylegan2.plugin.testutil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The keys of Train StyleGAN2 for the quickest real training: 8 px blobs ({@link BlobLoader}),
 * config small with its minibatch of 4, a checkpoint every 8 images, x-flips and adaptive
 * augmentation from p = 0.
 */
public final class BlobTraining {

    private BlobTraining() {}

    /**
     * Train for {@code kimg} (0.008: two minibatches) into {@code outputDir}, resuming from {@code
     * resume} ("" for a new run); the images are {@code cells.blobs} beside {@code outputDir}, made
     * when missing.
     */
    public static Map<String, Object> keys(Path outputDir, double kimg, String resume)
            throws IOException {
        Path images = outputDir.resolveSibling("cells.blobs");
        if (!Files.exists(images)) {
            Files.createFile(images);
        }
        return Map.of(
                "images",
                images.toFile(),
                "output_dir",
                outputDir.toFile(),
                "resolution",
                8,
                "kimg",
                kimg,
                "snapshot_kimg",
                0.008,
                "resume",
                resume,
                "mirror",
                true,
                "augment",
                "ada");
    }
}
