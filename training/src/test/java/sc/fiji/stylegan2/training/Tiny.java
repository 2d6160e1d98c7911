package sc.fiji.stylegan2.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.nn.Module;

/** Tiny networks and options for fast tests: 8 px, at most 16 channels, z = w = 16, batch 4. */
public final class Tiny {

    public static final int RES = 8;

    private Tiny() {}

    public static GeneratorConfig generator(int channels) {
        return GeneratorConfig.builder()
                .setZDim(16)
                .setWDim(16)
                .setMappingLayers(2)
                .setResolution(RES)
                .setImgChannels(channels)
                .setChannelBase(64)
                .setChannelMax(16)
                .build();
    }

    /** Options for tiny runs: ticks of 8 images, snapshots every 16, grid of 2. */
    public static TrainingOptions.Builder options(int channels) {
        return TrainingOptions.builder(TrainingConfig.SMALL, RES, channels)
                .optGenerator(generator(channels))
                .optBatchSize(4)
                .optMbstdGroup(2)
                .optTotalKimg(0.032)
                .optTickKimg(0.008)
                .optSnapshotKimg(0.016)
                .optGridImages(2)
                .optSeed(5);
    }

    public static StyleGAN2Model model(int channels, long seed) {
        GeneratorConfig g = generator(channels);
        TrainingOptions o = options(channels).build();
        return StyleGAN2Model.create(g, o.discriminator(), IntensityMapping.OFFICIAL_8BIT, seed);
    }

    /** Sets every gradient of a network to zero (after a test phase). */
    public static void zeroGradients(Module network) {
        for (NDArray p : network.namedParameters().values()) {
            if (p.hasGradient()) {
                p.getGradient().muli(0);
            }
        }
    }

    /** A random direction shaped like {@code p}, unit RMS, from a fixed seed. */
    public static float[] direction(NDArray p, long seed) {
        java.util.Random r = new java.util.Random(seed);
        float[] v = new float[(int) p.getShape().size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    /** Σ g·v. */
    public static double dot(float[] g, float[] v) {
        double s = 0;
        for (int i = 0; i < g.length; i++) {
            s += (double) g[i] * v[i];
        }
        return s;
    }

    /** Sets {@code p = base + t·v} in place. */
    public static void setAlong(NDArray p, float[] base, float[] v, double t) {
        float[] x = new float[base.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (base[i] + t * v[i]);
        }
        p.set(x);
    }

    /** The slope of a scalar along one direction of a parameter, two ways. */
    public record Slopes(double finiteDifferences, double autograd) {}

    /**
     * The slope of {@code penalty} along a random direction ({@link #direction}, from {@code seed})
     * of the parameter {@code w} at its value: by central differences (step 1e-2) and by autograd
     * (Σ ∂penalty/∂w · v). {@code penalty} takes a fresh copy of {@code input} that requires its
     * gradient (the penalties are of ∇_x) and runs inside a gradient collector; it must be smooth
     * in {@code w}.
     */
    public static Slopes slopesAlong(
            NDArray w, long seed, NDArray input, Function<NDArray, NDArray> penalty) {
        float[] w0 = w.toFloatArray();
        float[] v = direction(w, seed);
        DoubleUnaryOperator penaltyAt =
                t -> {
                    setAlong(w, w0, v, t);
                    NDArray x = input.duplicate();
                    x.setRequiresGradient(true);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        return penalty.apply(x).getFloat();
                    }
                };
        double eps = 1e-2;
        double fd = (penaltyAt.applyAsDouble(eps) - penaltyAt.applyAsDouble(-eps)) / (2 * eps);
        setAlong(w, w0, v, 0);
        w.setRequiresGradient(true);
        NDArray x = input.duplicate();
        x.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(penalty.apply(x));
        }
        return new Slopes(fd, dot(w.getGradient().toFloatArray(), v));
    }

    /** A parameter by name, failing clearly when the name is wrong. */
    public static NDArray param(Module network, String name) {
        Map<String, NDArray> params = network.namedParameters();
        NDArray p = params.get(name);
        if (p == null) {
            throw new IllegalArgumentException(name + " not in " + params.keySet());
        }
        return p;
    }

    public static Shape imageShape(int n, int channels) {
        return new Shape(n, channels, RES, RES);
    }
}
