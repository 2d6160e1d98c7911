package sc.fiji.stylegan2.model.explore;

import java.util.List;
import sc.fiji.stylegan2.model.generate.GeneratedImages;

/**
 * Per-pixel statistics over a stack of images (StyleGAN paper, Fig. 4c: std over noise
 * realisations).
 */
public final class PixelStatistics {

    private PixelStatistics() {}

    /**
     * The population standard deviation {@code sqrt(mean((x - mean)²))} of every pixel and channel
     * over the images, as one image with the same channels, labelled {@code label}.
     */
    public static GeneratedImages std(GeneratedImages images, String label) {
        int n = images.count();
        int perImage = images.channels() * images.height() * images.width();
        if (n < 1) {
            throw new IllegalArgumentException("need at least one image");
        }
        float[] data = images.data();
        float[] out = new float[perImage];
        for (int p = 0; p < perImage; p++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += data[i * perImage + p];
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                double d = data[i * perImage + p] - mean;
                var += d * d;
            }
            out[p] = (float) Math.sqrt(var / n);
        }
        return new GeneratedImages(
                out, 1, images.channels(), images.height(), images.width(), List.of(label));
    }
}
