package sc.fiji.stylegan2.model.explore;

import java.util.Arrays;

/**
 * Summary of one feature map, for spotting the "droplet" artifact (StyleGAN2 paper, Karras et al.
 * 2020, Sec. 2, Fig. 1): AdaIN-normalised generators learn a strong localised spike that dominates
 * the statistics of a feature map, visible as a large ratio of the largest to the typical
 * magnitude.
 *
 * @param mean mean of a
 * @param std population standard deviation of a
 * @param max largest value of a
 * @param spikeRatio {@code max|a| / median|a|}; infinite when the median is 0 and the max not, NaN
 *     when both are 0
 */
public record ChannelStatistics(double mean, double std, double max, double spikeRatio) {

    /** Statistics of {@code values[from .. from+length-1]}. */
    public static ChannelStatistics of(float[] values, int from, int length) {
        if (length < 1) {
            throw new IllegalArgumentException("need at least one value");
        }
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        float[] magnitudes = new float[length];
        for (int i = 0; i < length; i++) {
            float v = values[from + i];
            sum += v;
            max = Math.max(max, v);
            magnitudes[i] = Math.abs(v);
        }
        double mean = sum / length;
        double var = 0;
        for (int i = 0; i < length; i++) {
            double d = values[from + i] - mean;
            var += d * d;
        }
        Arrays.sort(magnitudes);
        double median =
                length % 2 == 1
                        ? magnitudes[length / 2]
                        : 0.5 * ((double) magnitudes[length / 2 - 1] + magnitudes[length / 2]);
        double maxAbs = magnitudes[length - 1];
        return new ChannelStatistics(mean, Math.sqrt(var / length), max, maxAbs / median);
    }

    /**
     * Statistics of every channel of an activation {@code [1, C, H, W]} (C order; only the first
     * image of a batch is used).
     */
    public static ChannelStatistics[] perChannel(float[] values, long[] shape) {
        if (shape.length != 4) {
            throw new IllegalArgumentException(
                    "expected an activation [N, C, H, W], got " + Arrays.toString(shape));
        }
        int channels = (int) shape[1];
        int plane = (int) (shape[2] * shape[3]);
        ChannelStatistics[] out = new ChannelStatistics[channels];
        for (int c = 0; c < channels; c++) {
            out[c] = of(values, c * plane, plane);
        }
        return out;
    }
}
