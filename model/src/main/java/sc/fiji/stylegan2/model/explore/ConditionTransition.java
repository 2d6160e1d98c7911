package sc.fiji.stylegan2.model.explore;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.direction.ClassMean;
import sc.fiji.stylegan2.model.direction.LatentShift;
import sc.fiji.stylegan2.model.generate.ClassLabels;
import sc.fiji.stylegan2.model.generate.NumpyRandom;
import sc.fiji.stylegan2.model.latent.Latents;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.torch.NoGrad;

/**
 * The per-layer latents of a condition transition (Phenexplain, Lamiable et al. 2023): for each
 * seed or latent, {@code frames} latents from class a (t = 0) to class b (t = 1), t_j = j / (frames
 * - 1), by one of the {@link TransitionMethod}s. The frames of one input are consecutive
 * (input-major order). Truncation {@code w' = w_avg + psi (w - w_avg)} goes towards the global
 * {@code w_avg}, as the official code, so t = 0 and t = 1 of {@code w_lerp} are exactly Generate
 * Images of the seed with {@code condition} a and b.
 */
public final class ConditionTransition {

    private final StyleGAN2Model model;
    private final int from;
    private final int to;
    private final double[] times;

    /**
     * @param from class a (checked against the model's classes)
     * @param to class b
     * @param frames 2 or more
     * @throws IllegalArgumentException for an unconditional model, a class out of range, or fewer
     *     than 2 frames
     */
    public ConditionTransition(StyleGAN2Model model, int from, int to, int frames) {
        ClassLabels classes = model.classes();
        if (!classes.conditional()) {
            throw new IllegalArgumentException(
                    "this model is unconditional (c_dim 0): Condition Transition needs a"
                            + " conditional model");
        }
        classes.require(from);
        classes.require(to);
        if (frames < 2) {
            throw new IllegalArgumentException(
                    "frames " + frames + " is not valid: give 2 or more (t = 0 and t = 1)");
        }
        this.model = model;
        this.from = from;
        this.to = to;
        this.times = new double[frames];
        for (int j = 0; j < frames; j++) {
            times[j] = j / (double) (frames - 1);
        }
    }

    /** The t of each frame, 0 to 1. */
    public double[] times() {
        return times.clone();
    }

    /** w_lerp: {@code w_t = (1 - t) mapping(z, c_a) + t mapping(z, c_b)}, each truncated. */
    public Latents wLerp(long[] seeds, double psi) {
        float[] a = model.imageGenerator().mapSeeds(seeds, from, psi, null);
        float[] b = model.imageGenerator().mapSeeds(seeds, to, psi, null);
        GeneratorConfig cfg = model.config();
        int per = cfg.numWs() * cfg.wDim();
        float[] ws = new float[seeds.length * times.length * per];
        for (int s = 0; s < seeds.length; s++) {
            for (int j = 0; j < times.length; j++) {
                int out = (s * times.length + j) * per;
                for (int k = 0; k < per; k++) {
                    float wa = a[s * per + k];
                    // lerp(w_a, w_b, t) = w_a + t (w_b - w_a)
                    ws[out + k] = (float) (wa + times[j] * (b[s * per + k] - wa));
                }
            }
        }
        return new Latents(seeds.length * times.length, cfg.numWs(), cfg.wDim(), ws);
    }

    /**
     * embedding: {@code w_t = mapping(z, (1 - t) c_a + t c_b)}, truncated: the label is the lerp of
     * the two one-hot labels, so the embed layer's output is the lerp of the two class embeddings.
     */
    public Latents embedding(long[] seeds, double psi) {
        GeneratorConfig cfg = model.config();
        int n = seeds.length * times.length;
        float[] z = new float[n * cfg.zDim()];
        float[] c = new float[n * cfg.cDim()];
        for (int s = 0; s < seeds.length; s++) {
            float[] zs = NumpyRandom.z(seeds[s], cfg.zDim());
            for (int j = 0; j < times.length; j++) {
                int row = s * times.length + j;
                System.arraycopy(zs, 0, z, row * cfg.zDim(), cfg.zDim());
                // c_t = (1 - t) c_a + t c_b
                c[row * cfg.cDim() + from] += (float) (1 - times[j]);
                c[row * cfg.cDim() + to] += (float) times[j];
            }
        }
        try (NoGrad noGrad = NoGrad.enter();
                NDScope scope = new NDScope()) { // inference: record no graph
            NDArray zs = model.manager().create(z, new Shape(n, cfg.zDim()));
            NDArray cs = model.manager().create(c, new Shape(n, cfg.cDim()));
            float[] ws = model.generator().mapping().forward(zs, cs, psi, null).toFloatArray();
            return new Latents(n, cfg.numWs(), cfg.wDim(), ws);
        }
    }

    /**
     * class_mean: {@code w_t = w + t (mean_w(b) - mean_w(a))} for latents of any origin (seeds of
     * class a, projected real images), the class means over {@code samples} z truncated by {@code
     * psi} like the latents ({@link ClassMean}). Noise maps of the latents come along to every one
     * of their frames.
     */
    public Latents classMean(Latents latents, int samples, double psi) {
        float[] delta = ClassMean.difference(model.imageGenerator(), from, to, samples, psi);
        return LatentShift.apply(latents, delta, times);
    }

    /**
     * The frame labels, input-major: {@code seed=3 class=0>2 t=0.250} (class names where the model
     * has them).
     *
     * @param inputs the inputs' labels without class ({@code seed=3}, {@code cell_w.npz[0]})
     */
    public List<String> labels(List<String> inputs) {
        ClassLabels classes = model.classes();
        List<String> labels = new ArrayList<>();
        for (String input : inputs) {
            for (double t : times) {
                labels.add(
                        String.format(
                                Locale.ROOT,
                                "%s class=%s>%s t=%.3f",
                                input,
                                classes.label(from),
                                classes.label(to),
                                t));
            }
        }
        return labels;
    }
}
