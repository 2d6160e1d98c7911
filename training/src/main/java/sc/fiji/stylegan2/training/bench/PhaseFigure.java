package sc.fiji.stylegan2.training.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import sc.fiji.stylegan2.model.generate.GeneratedImages;

/**
 * The phase benchmark's figure ({@code phase.png}), one row per model and a last row of training
 * tiles: {@value #SHOWN} frames of the interpolation (every other one; the channel mean, grey, each
 * frame scaled to its own range) and, in the last column, the mean detail energy over many images
 * (black = none, white = the map's maximum). Details tied to pixel positions show as a structured
 * mean map; details free to sit anywhere as an even grey.
 */
final class PhaseFigure {

    /** Frames shown per row. */
    static final int SHOWN = 8;

    /** Pixels per panel. */
    private static final int PANEL = 96;

    /** One row: channel-mean frames of side {@code n} and a mean detail energy map (square). */
    record Row(float[][] frames, int n, float[] meanEnergy) {

        /** Every other frame of an interpolation, channel mean. */
        Row(GeneratedImages g, float[] meanEnergy) {
            this(everyOther(g), g.width(), meanEnergy);
        }

        /** The first {@value PhaseFigure#SHOWN} of {@code images}. */
        static Row ofImages(float[][] images, int n, float[] meanEnergy) {
            return new Row(
                    java.util.Arrays.copyOf(images, Math.min(SHOWN, images.length)), n, meanEnergy);
        }

        private static float[][] everyOther(GeneratedImages g) {
            float[][] out = new float[Math.min(SHOWN, (g.count() + 1) / 2)][];
            for (int i = 0; i < out.length; i++) {
                out[i] = DetailMotion.channelMean(g.data(), 2 * i, g.channels(), g.width());
            }
            return out;
        }
    }

    private PhaseFigure() {}

    static void write(List<Row> rows, Path file) throws Exception {
        BufferedImage img =
                new BufferedImage(
                        (SHOWN + 1) * PANEL, rows.size() * PANEL, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            for (int f = 0; f < row.frames().length; f++) {
                draw(img, row.frames()[f], row.n(), f * PANEL, r * PANEL);
            }
            float[] rms = new float[row.meanEnergy().length];
            for (int p = 0; p < rms.length; p++) {
                rms[p] = (float) Math.sqrt(row.meanEnergy()[p]);
            }
            draw(img, rms, (int) Math.round(Math.sqrt(rms.length)), SHOWN * PANEL, r * PANEL);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    /** A map scaled from its minimum to its maximum, grey, nearest-neighbour to the panel. */
    private static void draw(BufferedImage img, float[] map, int n, int x0, int y0) {
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (float v : map) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        for (int y = 0; y < PANEL; y++) {
            for (int x = 0; x < PANEL; x++) {
                float v = map[(y * n / PANEL) * n + x * n / PANEL];
                int g = max > min ? Math.round(255 * (v - min) / (max - min)) : 0;
                img.setRGB(x0 + x, y0 + y, (g << 16) | (g << 8) | g);
            }
        }
    }
}
