package sc.fiji.stylegan2.training.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.network.ActivationProbe;
import sc.fiji.stylegan2.model.network.Generator;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.network.SynthesisBlock;
import sc.fiji.stylegan2.model.network.SynthesisNetwork;
import sc.fiji.stylegan2.model.network.SynthesisOptions;
import sc.fiji.stylegan2.model.nn.Upfirdn2d;

/**
 * How much each resolution's toRGB contributes to the output of a skip generator (StyleGAN2, Karras
 * et al. 2020, Sec. 4.1, Fig. 8): the output is the sum over blocks of each toRGB output y_r
 * upsampled to the output resolution with the network's own FIR upsampling, {@code img = Σ_r
 * U^{k_r}(y_r)}; the contribution of resolution r is the standard deviation of {@code U^{k_r}(y_r)}
 * over all pixels of {@code n} images, and its share that standard deviation over the sum of all of
 * them (the paper's "breakdown of the relative standard deviations"). The paper shows the high
 * resolutions gaining share as training goes on, and a too small network never giving the highest
 * resolution its share.
 */
public final class ToRgbContribution {

    /**
     * One resolution.
     *
     * @param resolution the block's resolution, e.g. 32 for {@code b32}
     * @param std the standard deviation of its upsampled toRGB output
     * @param share {@code std} over the sum of all resolutions' {@code std}
     */
    public record Share(int resolution, double std, double share) {}

    private ToRgbContribution() {}

    /**
     * Whether {@link #measure} can take {@code g}: a StyleGAN2 skip generator, whose image is the
     * sum of one toRGB output per resolution (the original StyleGAN's is its last toRGB alone).
     */
    public static boolean supports(Generator g) {
        return g.synthesis() instanceof SynthesisNetwork;
    }

    /**
     * The shares of {@code n} images of z ~ N(0, I) drawn from {@code seed} (classes uniform for a
     * conditional generator), ψ = 1, the model's constant noise, in batches.
     *
     * @return one share per block, from the lowest resolution, or null when canceled
     * @throws IllegalArgumentException for a generator that is not a StyleGAN2 skip generator (the
     *     original StyleGAN's output is its last toRGB alone)
     */
    public static List<Share> measure(
            Generator g, NDManager m, int n, int batchSize, long seed, ProgressListener progress) {
        if (!supports(g)) {
            throw new IllegalArgumentException(
                    "torgb_contribution needs a StyleGAN2 model (architecture stylegan2): the"
                            + " original StyleGAN's image comes from its last toRGB alone");
        }
        GeneratorConfig cfg = g.config();
        GeneratorPath path = new GeneratorPath(g, m);
        Random random = new Random(seed);
        int[] res = cfg.blockResolutions();
        double[] sum = new double[res.length], sumSq = new double[res.length];
        long count = 0;
        for (int done = 0; done < n; ) {
            if (progress.isCanceled()) {
                return null;
            }
            int b = Math.min(batchSize, n - done);
            float[] z = new float[b * cfg.zDim()];
            for (int k = 0; k < z.length; k++) {
                z[k] = (float) random.nextGaussian();
            }
            int[] classes = null;
            if (cfg.cDim() > 0) {
                classes = new int[b];
                for (int i = 0; i < b; i++) {
                    classes[i] = random.nextInt(cfg.cDim());
                }
            }
            List<float[]> parts = contributions(g, m, path.mapping(z, b, classes), b);
            for (int r = 0; r < res.length; r++) {
                for (float v : parts.get(r)) {
                    sum[r] += v;
                    sumSq[r] += (double) v * v;
                }
            }
            count += parts.get(0).length;
            done += b;
            progress.progress(done, n, "toRGB contribution: " + done + "/" + n + " images");
        }
        double[] std = new double[res.length];
        double total = 0;
        for (int r = 0; r < res.length; r++) {
            double mean = sum[r] / count;
            // std = sqrt(E[x²] − E[x]²)
            std[r] = Math.sqrt(Math.max(0, sumSq[r] / count - mean * mean));
            total += std[r];
        }
        List<Share> out = new ArrayList<>();
        for (int r = 0; r < res.length; r++) {
            out.add(new Share(res[r], std[r], total == 0 ? 0 : std[r] / total));
        }
        return out;
    }

    /**
     * Each block's toRGB output upsampled to the output resolution, {@code U^{k_r}(y_r)} as {@code
     * [b, C, R, R]} in C order, lowest resolution first; their sum is the generated image.
     */
    static List<float[]> contributions(Generator g, NDManager m, float[] ws, int b) {
        GeneratorConfig cfg = g.config();
        List<SynthesisBlock> blocks = ((SynthesisNetwork) g.synthesis()).blocks();
        Set<String> names = new LinkedHashSet<>();
        for (SynthesisBlock block : blocks) {
            names.add(block.torgb().name());
        }
        ActivationProbe probe = new ActivationProbe(names);
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDScope scope = new NDScope()) {
            g.synthesis()
                    .forward(
                            m.create(ws, new Shape(b, cfg.numWs(), cfg.wDim())),
                            SynthesisOptions.of(NoiseMode.CONST).withProbe(probe));
            Map<String, NDArray> state = g.stateDict();
            List<float[]> out = new ArrayList<>();
            for (int i = 0; i < blocks.size(); i++) {
                String name = blocks.get(i).torgb().name();
                NDArray y = m.create(probe.values(name), new Shape(probe.shape(name)));
                for (int k = i + 1; k < blocks.size(); k++) {
                    // the upsampling of block k: img = upsample2d(img, resample_filter) + y
                    y = Upfirdn2d.upsample2d(y, state.get(filterOf(blocks.get(k))));
                }
                out.add(y.toFloatArray());
            }
            return out;
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    /**
     * The state-dict key of a block's upsampling filter, e.g. {@code synthesis.b8.resample_filter}.
     */
    private static String filterOf(SynthesisBlock block) {
        String torgb = block.torgb().name(); // synthesis.b8.torgb
        return torgb.substring(0, torgb.lastIndexOf('.')) + ".resample_filter";
    }

    /** The shares as {@code b4 12.3 %, b8 ...}, for logs. */
    public static String describe(List<Share> shares) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (Share s : shares) {
            parts.put(
                    "b" + s.resolution(),
                    String.format(java.util.Locale.ROOT, "%.1f %%", 100 * s.share()));
        }
        return parts.toString().replaceAll("[{}]", "").replace("=", " ");
    }
}
