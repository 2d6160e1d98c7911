package sc.fiji.stylegan2.training.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import sc.fiji.stylegan2.training.data.BitDepth;
import sc.fiji.stylegan2.training.data.SourceImage;
import sc.fiji.stylegan2.training.data.SourceStack;

/**
 * Synthetic two-channel 12-bit "micrographs" for benchmarks: a few hundred blob-like cells on a
 * dark background, channel 1 a bright nuclear stain (a Gaussian nucleus up to ~3,500 counts),
 * channel 2 a dim, wider cytoplasmic marker (up to ~250 counts over the same background), camera
 * noise, values 0..4095 in a 16-bit type as most microscopy cameras deliver them.
 */
public final class Micrographs {

    private Micrographs() {}

    /**
     * {@code count} images of {@code side²} pixels with {@code cells} cells each, from {@code
     * seed}.
     */
    public static SourceStack make(int count, int side, int cells, long seed) {
        List<SourceImage> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            images.add(
                    one(
                            "micrograph " + (i + 1),
                            side,
                            cells,
                            new SplittableRandom(seed * 1000 + i)));
        }
        return new SourceStack(images, BitDepth.BITS_16);
    }

    private static SourceImage one(String name, int side, int cells, SplittableRandom r) {
        int plane = side * side;
        double[] nucleus = new double[plane], marker = new double[plane];
        for (int k = 0; k < cells; k++) {
            double cx = r.nextDouble() * side, cy = r.nextDouble() * side;
            double radius = 5 + 4 * r.nextDouble(), bright = 0.4 + 0.6 * r.nextDouble();
            double dim = 0.3 + 0.7 * r.nextDouble();
            int reach = (int) Math.ceil(3 * radius);
            for (int y = Math.max(0, (int) cy - reach); y < Math.min(side, (int) cy + reach); y++) {
                for (int x = Math.max(0, (int) cx - reach);
                        x < Math.min(side, (int) cx + reach);
                        x++) {
                    double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                    nucleus[y * side + x] += bright * Math.exp(-d2 / (2 * radius * radius * 0.35));
                    marker[y * side + x] += dim * Math.exp(-d2 / (2 * radius * radius));
                }
            }
        }
        float[] p = new float[2 * plane];
        for (int k = 0; k < plane; k++) {
            p[k] = counts(100 + 3400 * Math.min(1, nucleus[k]), r);
            p[plane + k] = counts(100 + 250 * Math.min(1.5, marker[k]), r);
        }
        return new SourceImage(name, 2, side, side, p);
    }

    /** Shot and read noise (Gaussian approximation), clipped to 12 bits. */
    private static float counts(double mean, SplittableRandom r) {
        double v = mean + Math.sqrt(mean + 25) * gaussian(r);
        return (float) Math.max(0, Math.min(4095, Math.rint(v)));
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
