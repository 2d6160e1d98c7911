package sc.fiji.stylegan2.training.bench;

import java.util.Random;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.training.data.TrainingData;

/**
 * In-memory training data for tests and benchmarks: Gaussian blobs at random places on a dark
 * background, in [-1, 1].
 */
public final class BlobData implements TrainingData {

    private final float[][] images;
    private final int channels;
    private final int resolution;

    public BlobData(int count, int channels, int resolution, long seed) {
        this.channels = channels;
        this.resolution = resolution;
        this.images = new float[count][];
        Random r = new Random(seed);
        for (int i = 0; i < count; i++) {
            images[i] = blob(r);
        }
    }

    /**
     * Data whose values are given directly (e.g. with a NaN), one array of C·res² values per image.
     */
    public BlobData(float[][] images, int channels, int resolution) {
        this.images = images;
        this.channels = channels;
        this.resolution = resolution;
    }

    private float[] blob(Random r) {
        float[] img = new float[channels * resolution * resolution];
        double cx = r.nextDouble() * resolution, cy = r.nextDouble() * resolution;
        double sigma = resolution * (0.1 + 0.15 * r.nextDouble());
        for (int c = 0; c < channels; c++) {
            double level = 0.5 + 0.5 * r.nextDouble();
            for (int y = 0; y < resolution; y++) {
                for (int x = 0; x < resolution; x++) {
                    double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                    img[(c * resolution + y) * resolution + x] =
                            (float) (2 * level * Math.exp(-d2 / (2 * sigma * sigma)) - 1);
                }
            }
        }
        return img;
    }

    @Override
    public int size() {
        return images.length;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int resolution() {
        return resolution;
    }

    @Override
    public IntensityMapping intensity() {
        return IntensityMapping.ofDataRange(0, 255);
    }

    @Override
    public void copyImage(int index, float[] dst, int offset) {
        System.arraycopy(images[index], 0, dst, offset, images[index].length);
    }
}
