package sc.fiji.stylegan2.training.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import sc.fiji.stylegan2.model.IntensityMapping;

/**
 * Chooses the intensity range of a stack by its {@link IntensityOptions}: per channel or shared,
 * the type's range, the data's min..max, or percentiles. Percentiles are nearest-rank: the {@code
 * p} % percentile of {@code n} values is the {@code ceil(p / 100 * n)}-th smallest (the minimum for
 * 0 %, the maximum for 100 %).
 */
public final class IntensityRanges {

    private IntensityRanges() {}

    /**
     * The range chosen, as the mapping stored in checkpoints.
     *
     * @param mapping [-1, 1] to the chosen range (per channel, or shared when all channels share
     *     one)
     * @param mode the mode used ({@link IntensityMode#AUTO} resolved)
     * @param clipped how many values lie outside their channel's range (clipped when normalised)
     * @param total how many values the stack has
     * @param description one line for the log: the mode, why (for auto) and the ranges
     */
    public record Choice(
            IntensityMapping mapping,
            IntensityMode mode,
            long clipped,
            long total,
            String description) {}

    /**
     * Chooses the range of {@code images} (already checked: same size, finite).
     *
     * @throws IllegalArgumentException for values outside the type's range ({@code type}) or
     *     constant data
     */
    public static Choice choose(
            List<SourceImage> images, BitDepth depth, IntensityOptions options) {
        int channels = images.get(0).channels();
        IntensityMode mode = resolve(images, depth, options.mode());
        boolean per = options.perChannel(channels) && mode != IntensityMode.TYPE;
        int groups = per ? channels : 1;
        double[] lo = new double[groups], hi = new double[groups];
        boolean collapsed = false;
        for (int g = 0; g < groups; g++) {
            int first = per ? g : 0, last = per ? g : channels - 1;
            double[] r =
                    switch (mode) {
                        case TYPE -> StackChecks.intensityRange(images, depth);
                        case PERCENTILE ->
                                percentiles(
                                        images, first, last, depth, options.low(), options.high());
                        default -> minMax(images, first, last);
                    };
            if (mode == IntensityMode.PERCENTILE && !(r[1] > r[0])) {
                // Sparse data (nearly every pixel one value): the percentiles meet, min..max still
                // spans it.
                r = minMax(images, first, last);
                collapsed = true;
            }
            if (!(r[1] > r[0])) {
                throw new IllegalArgumentException(
                        (per ? "channel " + (g + 1) : "every pixel of the stack")
                                + " has the value "
                                + r[0]
                                + ": there is nothing to learn");
            }
            lo[g] = r[0];
            hi[g] = r[1];
        }
        IntensityMapping mapping =
                allEqual(lo) && allEqual(hi)
                        ? IntensityMapping.ofDataRange(lo[0], hi[0])
                        : IntensityMapping.ofDataRanges(lo, hi);
        long clipped = clipped(images, mapping);
        long total = (long) images.size() * images.get(0).pixels().length;
        String description = describe(options, mode, depth, per, mapping, clipped, total);
        return new Choice(
                mapping,
                mode,
                clipped,
                total,
                collapsed
                        ? description + " (where the percentiles were equal, min..max)"
                        : description);
    }

    /** The nearest-rank percentile {@code p} (in %) of {@code sorted} ascending values. */
    public static double percentile(float[] sorted, double p) {
        return sorted[rank(p, sorted.length)];
    }

    /** The 0-based index of the nearest-rank {@code p} % percentile of {@code n} values. */
    static int rank(double p, long n) {
        // ceil(p/100·n), with a tolerance so that 0.1 % of 10,000 is rank 10 despite rounding.
        long r = (long) Math.ceil(p / 100 * n - 1e-9);
        return (int) Math.max(0, Math.min(n - 1, r - 1));
    }

    private static IntensityMode resolve(
            List<SourceImage> images, BitDepth depth, IntensityMode mode) {
        if (mode != IntensityMode.AUTO) {
            return mode;
        }
        return switch (depth) {
            case BITS_8 -> IntensityMode.TYPE;
            case FLOAT -> IntensityMode.DATA;
            case BITS_16 -> {
                double[] r = StackChecks.intensityRange(images, BitDepth.FLOAT);
                yield r[1] - r[0] < IntensityMode.AUTO_16BIT_SPAN
                        ? IntensityMode.PERCENTILE
                        : IntensityMode.TYPE;
            }
        };
    }

    /** {low, high} percentiles of channels {@code first..last} of every image. */
    private static double[] percentiles(
            List<SourceImage> images,
            int first,
            int last,
            BitDepth depth,
            double low,
            double high) {
        int plane = images.get(0).height() * images.get(0).width();
        long n = (long) images.size() * (last - first + 1) * plane;
        if (depth != BitDepth.FLOAT && allCounts(images, first, last, plane)) {
            // Integer data: a histogram of 0..65535 ranks exactly without copying the stack.
            long[] hist = new long[65536];
            for (SourceImage im : images) {
                for (int k = first * plane; k < (last + 1) * plane; k++) {
                    hist[(int) im.pixels()[k]]++;
                }
            }
            return new double[] {
                fromHistogram(hist, rank(low, n)), fromHistogram(hist, rank(high, n))
            };
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "intensity=percentile of "
                            + n
                            + " float values: too many to"
                            + " sort; use intensity=data");
        }
        float[] all = new float[(int) n];
        int at = 0;
        for (SourceImage im : images) {
            System.arraycopy(im.pixels(), first * plane, all, at, (last - first + 1) * plane);
            at += (last - first + 1) * plane;
        }
        Arrays.sort(all);
        return new double[] {percentile(all, low), percentile(all, high)};
    }

    /** {min, max} of channels {@code first..last} of every image. */
    private static double[] minMax(List<SourceImage> images, int first, int last) {
        int plane = images.get(0).height() * images.get(0).width();
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (SourceImage im : images) {
            for (int k = first * plane; k < (last + 1) * plane; k++) {
                min = Math.min(min, im.pixels()[k]);
                max = Math.max(max, im.pixels()[k]);
            }
        }
        return new double[] {min, max};
    }

    /**
     * {@code image} in [-1, 1]: {@code x = (y - offset) / scale} per channel, clipped to [-1, 1]
     * (only percentile ranges leave values outside).
     */
    public static SourceImage normalise(SourceImage image, IntensityMapping m) {
        int plane = image.height() * image.width();
        float[] p = image.pixels(), out = new float[p.length];
        for (int k = 0; k < p.length; k++) {
            int c = k / plane;
            // x = (y − offset) / scale, the inverse of y = x·scale + offset.
            double x = (p[k] - m.offset(c)) / m.scale(c);
            out[k] = (float) Math.max(-1, Math.min(1, x));
        }
        return new SourceImage(image.name(), image.channels(), image.height(), image.width(), out);
    }

    /**
     * Whether channels {@code first..last} hold whole numbers 0..65535 only (so a histogram ranks
     * them).
     */
    private static boolean allCounts(List<SourceImage> images, int first, int last, int plane) {
        for (SourceImage im : images) {
            for (int k = first * plane; k < (last + 1) * plane; k++) {
                float v = im.pixels()[k];
                if (!(v >= 0 && v <= 65535) || v != Math.rint(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double fromHistogram(long[] hist, long rank) {
        long seen = 0;
        for (int v = 0; v < hist.length; v++) {
            seen += hist[v];
            if (seen > rank) {
                return v;
            }
        }
        return hist.length - 1;
    }

    private static long clipped(List<SourceImage> images, IntensityMapping m) {
        SourceImage first = images.get(0);
        int plane = first.height() * first.width();
        long count = 0;
        for (SourceImage im : images) {
            float[] p = im.pixels();
            for (int k = 0; k < p.length; k++) {
                int c = k / plane;
                double x = (p[k] - m.offset(c)) / m.scale(c);
                if (x < -1 || x > 1) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean allEqual(double[] v) {
        return Arrays.stream(v).allMatch(x -> x == v[0]);
    }

    private static String describe(
            IntensityOptions o,
            IntensityMode mode,
            BitDepth depth,
            boolean per,
            IntensityMapping m,
            long clipped,
            long total) {
        StringBuilder s = new StringBuilder("intensity ");
        if (o.mode() == IntensityMode.AUTO) {
            s.append("auto: ")
                    .append(mode.key())
                    .append(
                            switch (depth) {
                                case BITS_8 -> " (8-bit data)";
                                case FLOAT -> " (float data)";
                                case BITS_16 ->
                                        mode == IntensityMode.PERCENTILE
                                                ? " (16-bit data spanning less than a quarter of 0..65535)"
                                                : " (16-bit data)";
                            });
        } else {
            s.append(mode.key());
        }
        if (mode == IntensityMode.PERCENTILE) {
            s.append(String.format(Locale.ROOT, " %s..%s %%", fmt(o.low()), fmt(o.high())));
        }
        s.append(per ? ", per channel: " : ", shared: ").append(m).append(" maps to [-1, 1]");
        if (clipped > 0) {
            s.append(
                    String.format(
                            Locale.ROOT,
                            "; %,d of %,d values (%.3f %%) clipped",
                            clipped,
                            total,
                            100.0 * clipped / total));
        }
        return s.toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
