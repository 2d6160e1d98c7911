package sc.fiji.stylegan2.training.data;

import java.util.List;
import java.util.SplittableRandom;
import sc.fiji.stylegan2.model.Calibration;
import sc.fiji.stylegan2.model.IntensityMapping;

/**
 * Random tiles of a few large images: every draw of an image is a fresh crop of {@code side × side}
 * data pixels at a random position inside it, shrunk (or enlarged) to the training resolution, so a
 * few large micrographs give an endless stream of samples. The position follows from the draw's key
 * alone (a function of the run's seed and the position in the stream, see {@link
 * TrainingData#copySample}), so a resumed run draws the same tiles. With a label image or mask and
 * a minimum foreground fraction, positions whose tile holds less foreground are redrawn (up to
 * {@value #TRIES} times; then the tile with the most foreground of those drawn is used).
 *
 * <p>The data set size is the number of non-overlapping tiles of a grid over the images, and {@link
 * #copyImage} returns those grid tiles (for checks and metrics); training draws random tiles.
 */
public final class TileData implements TrainingData {

    /** Positions tried per draw for the foreground fraction. */
    static final int TRIES = 32;

    private final List<SourceImage> images;
    private final int side;
    private final int resolution;
    private final IntensityMapping intensity;
    private final long[][] foreground;
    private final double minForeground;
    private final String description;
    private final Calibration calibration;
    private final int across;
    private final int down;

    /**
     * @param images normalised to [-1, 1], at least {@code side} pixels in both directions
     * @param foreground per image, the summed-area table of its foreground mask ({@code (h+1) ×
     *     (w+1)}), or null without a mask
     */
    TileData(
            List<SourceImage> images,
            int side,
            int resolution,
            IntensityMapping intensity,
            long[][] foreground,
            double minForeground,
            String description,
            Calibration calibration) {
        this.images = List.copyOf(images);
        this.side = side;
        this.resolution = resolution;
        this.intensity = intensity;
        this.foreground = foreground;
        this.minForeground = minForeground;
        this.description = description;
        this.calibration = calibration;
        this.across = images.get(0).width() / side;
        this.down = images.get(0).height() / side;
    }

    /**
     * The summed-area table of {@code mask > 0}: entry {@code (y, x)} counts foreground above and
     * left.
     */
    static long[] summedArea(SourceImage mask) {
        int h = mask.height(), w = mask.width();
        long[] s = new long[(h + 1) * (w + 1)];
        for (int y = 0; y < h; y++) {
            long row = 0;
            for (int x = 0; x < w; x++) {
                row += mask.pixels()[y * w + x] > 0 ? 1 : 0;
                s[(y + 1) * (w + 1) + x + 1] = s[y * (w + 1) + x + 1] + row;
            }
        }
        return s;
    }

    /** Number of distinct tile positions over all images. */
    public long distinctTiles() {
        SourceImage f = images.get(0);
        return (long) images.size() * (f.width() - side + 1) * (f.height() - side + 1);
    }

    /** Tile side in data pixels. */
    public int side() {
        return side;
    }

    @Override
    public int size() {
        return images.size() * across * down;
    }

    @Override
    public int channels() {
        return images.get(0).channels();
    }

    @Override
    public int resolution() {
        return resolution;
    }

    @Override
    public IntensityMapping intensity() {
        return intensity;
    }

    @Override
    public Calibration calibration() {
        return calibration;
    }

    @Override
    public String description() {
        return description;
    }

    /** Grid tile {@code index}: image {@code index / (across·down)}, row-major within it. */
    @Override
    public void copyImage(int index, float[] dst, int offset) {
        int perImage = across * down, k = index % perImage;
        copyTile(index / perImage, (k % across) * side, (k / across) * side, dst, offset);
    }

    /**
     * A random tile of the image that grid tile {@code index} lies in, at a position drawn from
     * {@code draw}.
     */
    @Override
    public void copySample(int index, long draw, float[] dst, int offset) {
        int image = index / (across * down);
        int[] at = position(image, draw);
        copyTile(image, at[0], at[1], dst, offset);
    }

    /** The top-left corner {x, y} of the tile of {@code image} that {@code draw} gives. */
    public int[] position(int image, long draw) {
        SourceImage im = images.get(image);
        SplittableRandom random = new SplittableRandom(draw);
        int[] best = null;
        double bestFraction = -1;
        for (int t = 0; t < (foreground == null || minForeground == 0 ? 1 : TRIES); t++) {
            int x = random.nextInt(im.width() - side + 1),
                    y = random.nextInt(im.height() - side + 1);
            double f = foreground == null ? 1 : foregroundFraction(image, x, y);
            if (f > bestFraction) {
                best = new int[] {x, y};
                bestFraction = f;
            }
            if (f >= minForeground) {
                break;
            }
        }
        return best;
    }

    /** The fraction of foreground pixels in the tile at {@code (x, y)} of {@code image}. */
    double foregroundFraction(int image, int x, int y) {
        long[] s = foreground[image];
        int w1 = images.get(image).width() + 1;
        long n =
                s[(y + side) * w1 + x + side]
                        - s[y * w1 + x + side]
                        - s[(y + side) * w1 + x]
                        + s[y * w1 + x];
        return (double) n / ((long) side * side);
    }

    private void copyTile(int image, int x, int y, float[] dst, int offset) {
        int c = channels();
        float[] crop = Crop.square(images.get(image), x, y, side, -1f);
        float[] r = Resize.planes(crop, c, side, side, resolution, resolution);
        System.arraycopy(r, 0, dst, offset, r.length);
    }
}
