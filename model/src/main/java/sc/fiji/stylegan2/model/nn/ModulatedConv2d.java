package sc.fiji.stylegan2.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.UnaryOperator;
import sc.fiji.stylegan2.model.torch.Autocast;
import sc.fiji.stylegan2.model.torch.MemoryFormat;
import sc.fiji.stylegan2.model.torch.Owned;
import sc.fiji.stylegan2.model.torch.Scalars;

/**
 * Weight modulation and demodulation, StyleGAN2 (Karras et al. 2020) Sec. 2.2, shared by the
 * synthesis layers and toRGB:
 *
 * <pre>
 *   Eq. 1  w'_ijk  = s_i · w_ijk                          (modulate by the style of input channel i)
 *   Eq. 2  σ_j     = sqrt(Σ_{i,k} w'_ijk² + ε)            (expected std of output channel j)
 *   Eq. 3  w''_ijk = w'_ijk / σ_j                          (demodulate)
 * </pre>
 *
 * Two equivalent ways to run it: <b>fused</b>, one grouped convolution with a per-sample weight
 * (groups = N), as the official code does in eval mode; and <b>unfused</b>, scaling the activations
 * by s before and by 1/σ after one shared convolution (the paper's "implementation details"). On
 * CPU the shared convolution runs at several times the speed of a grouped one for batches &gt; 1
 * (see {@code bench/README.md}), so the caller picks per case.
 */
public final class ModulatedConv2d {

    private ModulatedConv2d() {}

    /** The keyword arguments of {@link #apply}, with the official defaults. */
    public static Options.Builder options() {
        return new Options.Builder();
    }

    /**
     * The official {@code modulated_conv2d(x, weight, styles, noise=None, up=1, padding=0,
     * resample_filter=None, demodulate=True, flip_weight=True, fused_modconv=True)}, plus a gain
     * folded into the demodulation.
     *
     * @param x activations {@code [N, I, H, W]}
     * @param weight {@code [O, I, kh, kw]} (already including any runtime gain the caller wants)
     * @param styles {@code [N, I]}
     * @param opt the keyword arguments ({@link #options()})
     * @return {@code [N, O, H·up, W·up]} (with the padding's change of size)
     */
    public static NDArray apply(NDArray x, NDArray weight, NDArray styles, Options opt) {
        NDArray noise = opt.noise;
        NDArray f = opt.resampleFilter;
        int up = opt.up, padding = opt.padding;
        boolean demodulate = opt.demodulate, flipWeight = opt.flipWeight;
        boolean fused = opt.strategy.fused();
        double gain = opt.gain;
        long n = x.getShape().get(0);
        long[] ws = weight.getShape().getShape();
        long out = ws[0], in = ws[1], kh = ws[2], kw = ws[3];

        NDArray w = fused ? modulate(weight, styles) : null; // [N,O,I,kh,kw]
        NDArray dcoefs = null; // [N,O]
        if (demodulate) {
            // Unfused, Eq. 2 needs no modulated weights: Σ_{i,k} (s_i w_oik)² = Σ_i s_i² Σ_k
            // w_oik², one small
            // matrix product (as the official TensorFlow StyleGAN2 computes it).
            dcoefs = fused ? demodulationCoefficients(w) : demodulationCoefficients(weight, styles);
        }
        if (demodulate && gain != 1) {
            dcoefs = Scalars.mul(dcoefs, gain);
        }
        boolean polyphase = up > 1 && opt.strategy.polyphaseUpsampling();
        if (up > 1 && !polyphase) {
            return upsampled(x, weight, w, styles, dcoefs, noise, f, padding, opt);
        }
        if (!fused) {
            x = x.mul(styles.reshape(n, -1, 1, 1));
            // Polyphase upsampling derives its phase kernels from the weight itself
            // (Conv2dResample).
            NDArray conv =
                    polyphase
                            ? weight
                            : convolutionWeight(
                                    weight,
                                    opt.channelsLast ? "channels-last" : "as is",
                                    opt.channelsLast
                                            ? MemoryFormat::channelsLast
                                            : UnaryOperator.identity());
            x = Conv2dResample.apply(x, conv, f, up, 1, padding, 1, flipWeight);
            if (demodulate) {
                // Eq. 3 applied to the activations, then noise.
                x = Owned.mul(x, dcoefs.reshape(n, -1, 1, 1));
            }
            return noise == null ? x : Owned.add(x, noise);
        }
        if (demodulate) {
            w = Owned.mul(w, dcoefs.reshape(n, -1, 1, 1, 1)); // Eq. 3
        }
        long h = x.getShape().get(2), wd = x.getShape().get(3);
        if (opt.channelsLast && kh == 1 && kw == 1 && padding == 0) {
            // A 1x1 convolution is one matrix product per sample, y[n] = x[n] · w[n]ᵀ over the
            // channels; channels-last, x is [N, H·W, I] as it lies, and so is y (toRGB: oneDNN
            // does not take its few output channels, and the fallback would copy x to NCHW).
            NDArray y =
                    x.transpose(0, 2, 3, 1)
                            .reshape(n, h * wd, in)
                            .matMul(w.reshape(n, out, in).transpose(0, 2, 1))
                            .reshape(n, h, wd, out)
                            .transpose(0, 3, 1, 2);
            return noise == null ? y : Owned.add(y, noise);
        }
        // One grouped convolution: the batch becomes the channel groups.
        x = x.reshape(1, n * in, h, wd);
        x =
                Conv2dResample.apply(
                        x, w.reshape(n * out, in, kh, kw), f, up, 1, padding, (int) n, flipWeight);
        x = x.reshape(n, out, x.getShape().get(2), x.getShape().get(3));
        return noise == null ? x : Owned.add(x, noise);
    }

    /**
     * Upsampling as the official {@code conv2d_resample} orders it: the stride-2 transposed
     * convolution ({@link TransposedConv2d}), then the FIR filter with gain 4 ({@link
     * ModconvStrategy#UNFUSED_POLYPHASE} instead goes through {@link Conv2dResample} as every
     * unfused convolution). Unfused, modulation and demodulation scale the input and output
     * channels around one shared convolution; fused, they go into per-sample weights and the batch
     * becomes the groups.
     *
     * @param modulated the per-sample weights {@code [N, O, I, k, k]} of the fused form, or null
     *     for unfused
     */
    private static NDArray upsampled(
            NDArray x,
            NDArray weight,
            NDArray modulated,
            NDArray styles,
            NDArray dcoefs,
            NDArray noise,
            NDArray f,
            int padding,
            Options opt) {
        boolean flipWeight = opt.flipWeight;
        long n = x.getShape().get(0), in = weight.getShape().get(1), out = weight.getShape().get(0);
        long kw = weight.getShape().get(3), fw = f.getShape().get(1);
        // The official FIR padding after the transposed convolution (conv2d_resample's adjustment).
        int p0 = (int) (padding + (fw + 1) / 2 - (kw - 1));
        int p1 = (int) (padding + (fw - 2) / 2 - (kw - 2));
        int[] pad = {p0, p1, p0, p1};
        if (modulated == null) {
            NDArray wt =
                    convolutionWeight(
                            weight,
                            opt.channelsLast ? "transposed channels-last" : "transposed",
                            w -> transposedLayout(w, flipWeight, opt.channelsLast));
            NDArray t = TransposedConv2d.apply(x.mul(styles.reshape(n, -1, 1, 1)), wt);
            if (dcoefs != null) {
                t = Owned.mul(t, dcoefs.reshape(n, -1, 1, 1));
            }
            x = Upfirdn2d.upfirdn2d(t, f, 1, 1, pad, 4, false);
            return noise == null ? x : Owned.add(x, noise);
        }
        NDArray w = modulated;
        if (dcoefs != null) {
            w = Owned.mul(w, dcoefs.reshape(n, out, 1, 1, 1));
        }
        if (flipWeight) {
            w = w.flip(3, 4);
        }
        long h = x.getShape().get(2), wd = x.getShape().get(3);
        NDArray t = TransposedConv2d.apply(x.reshape(1, n * in, h, wd), w.transpose(0, 2, 1, 3, 4));
        x = Upfirdn2d.upfirdn2d(t, f, 1, 1, pad, 4, false);
        x = x.reshape(n, out, x.getShape().get(2), x.getShape().get(3));
        return noise == null ? x : Owned.add(x, noise);
    }

    /**
     * The shared convolution's weight as it takes it: {@code arrange}d ({@code layout} names the
     * result) and, inside a bfloat16 layer ({@link Autocast#active()}), a bfloat16 copy; made once
     * per run of inference ({@link WeightCache}). With channels-last activations the weight is
     * arranged channels-last too: libtorch's convolution would otherwise copy it into that layout
     * on every call (at batch 1, 256 px, 4.9 of 58 ms per image).
     */
    private static NDArray convolutionWeight(
            NDArray weight, String layout, UnaryOperator<NDArray> arrange) {
        if (!Autocast.active()) {
            return WeightCache.derived(weight, layout, arrange);
        }
        return WeightCache.derived(
                weight, layout + " bf16", w -> Bf16Conv.toBfloat16(arrange.apply(w)));
    }

    /**
     * {@code [O, I, k, k]} → the layout {@code [1, I, O, k, k]} of {@link TransposedConv2d},
     * flipped for a convolution, contiguous or with channels-last strides.
     */
    private static NDArray transposedLayout(NDArray weight, boolean flip, boolean channelsLast) {
        NDArray wt = (flip ? weight.flip(2, 3) : weight).transpose(1, 0, 2, 3);
        if (channelsLast) {
            return MemoryFormat.channelsLast(wt).expandDims(0);
        }
        // A reshape of a transposed view copies it in its order; the second one is a view.
        return wt.reshape(-1).reshape(wt.getShape()).expandDims(0);
    }

    /** Eq. 1: {@code w'[n,o,i,..] = s[n,i] · w[o,i,..]}, shape {@code [N, O, I, kh, kw]}. */
    public static NDArray modulate(NDArray weight, NDArray styles) {
        long n = styles.getShape().get(0);
        return weight.expandDims(0).mul(styles.reshape(n, 1, -1, 1, 1));
    }

    /**
     * Eq. 2–3: {@code 1 / sqrt(Σ_{i,k} w'² + 1e-8)} per sample and output channel, {@code [N, O]}.
     */
    public static NDArray demodulationCoefficients(NDArray modulated) {
        return Scalars.pow(modulated.square().sum(new int[] {2, 3, 4}).add(1e-8f), -0.5);
    }

    /**
     * Eq. 2–3 from the styles and the unmodulated weight: {@code (s² · (Σ_k w²)ᵀ + 1e-8)^(-1/2)},
     * {@code [N, O]}.
     */
    public static NDArray demodulationCoefficients(NDArray weight, NDArray styles) {
        NDArray wsq = WeightCache.derived(weight, "kernel energy", ModulatedConv2d::kernelEnergy);
        return Scalars.pow(styles.square().matMul(wsq.transpose()).add(1e-8f), -0.5);
    }

    /**
     * {@code Σ_k w_oik²}, {@code [O, I]}. Where no gradient flows back to the weight (generation,
     * projection, G_ema), as the square of the norm over the kernel taps: one read of the weight
     * and no weight-sized temporary, about 5x faster at batch 1 than squaring and summing (whose
     * temporary is a fresh allocation of the weight's size in every forward pass). Under autograd
     * the square and sum stay: the norm's gradient {@code w / ‖w‖} is undefined at a zero kernel.
     */
    static NDArray kernelEnergy(NDArray weight) {
        if (weight.hasGradient() && JniUtils.isGradMode()) {
            return weight.square().sum(new int[] {2, 3});
        }
        return weight.norm(new int[] {2, 3}).square();
    }

    /**
     * The keyword arguments of a modulated convolution. Immutable; built by {@link
     * ModulatedConv2d#options()}, whose defaults are the official ones (no noise, no upsampling, no
     * padding, demodulate, flip the weight, fused).
     */
    public static final class Options {
        private final NDArray noise;
        private final int up;
        private final int padding;
        private final NDArray resampleFilter;
        private final boolean demodulate;
        private final boolean flipWeight;
        private final ModconvStrategy strategy;
        private final boolean channelsLast;
        private final double gain;

        private Options(Builder b) {
            this.noise = b.noise;
            this.up = b.up;
            this.padding = b.padding;
            this.resampleFilter = b.resampleFilter;
            this.demodulate = b.demodulate;
            this.flipWeight = b.flipWeight;
            this.strategy = b.strategy;
            this.channelsLast = b.channelsLast;
            this.gain = b.gain;
        }

        /** Builds {@link Options}; every value is optional. */
        public static final class Builder {
            private NDArray noise;
            private int up = 1;
            private int padding;
            private NDArray resampleFilter;
            private boolean demodulate = true;
            private boolean flipWeight = true;
            private ModconvStrategy strategy = ModconvStrategy.FUSED;
            private boolean channelsLast;
            private double gain = 1;

            private Builder() {}

            /**
             * Per-pixel noise added after the (de)modulated convolution, broadcastable to the
             * output.
             */
            public Builder optNoise(NDArray noise) {
                this.noise = noise;
                return this;
            }

            /** Upsampling factor, 1 or 2 (2 needs {@link #optResampleFilter}). */
            public Builder optUp(int up) {
                this.up = up;
                return this;
            }

            /** Zero padding of the convolution on every side. */
            public Builder optPadding(int padding) {
                this.padding = padding;
                return this;
            }

            /** The FIR filter of the upsampling ({@link Upfirdn2d#setupFilter}). */
            public Builder optResampleFilter(NDArray f) {
                this.resampleFilter = f;
                return this;
            }

            /** Eq. 2–3 on (default) or off (toRGB). */
            public Builder optDemodulate(boolean demodulate) {
                this.demodulate = demodulate;
                return this;
            }

            /**
             * Convolution (true, default) or cross-correlation, as the official {@code
             * flip_weight}.
             */
            public Builder optFlipWeight(boolean flipWeight) {
                this.flipWeight = flipWeight;
                return this;
            }

            /** The fused (default) or an unfused form; the same sum. */
            public Builder optStrategy(ModconvStrategy strategy) {
                this.strategy = strategy;
                return this;
            }

            /**
             * Whether x is channels-last ({@link MemoryFormat}): the shared weight is then arranged
             * the same way. Default false.
             */
            public Builder optChannelsLast(boolean channelsLast) {
                this.channelsLast = channelsLast;
                return this;
            }

            /** A positive factor folded into the demodulation coefficients (needs demodulation). */
            public Builder optGain(double gain) {
                this.gain = gain;
                return this;
            }

            /** Checks the combination and builds the options. */
            public Options build() {
                if (up != 1 && up != 2) {
                    throw new IllegalArgumentException("up must be 1 or 2, got " + up);
                }
                if (up == 2 && resampleFilter == null) {
                    throw new IllegalArgumentException("upsampling needs a resample filter");
                }
                if (!(gain > 0)) {
                    throw new IllegalArgumentException("gain must be positive, got " + gain);
                }
                if (!demodulate && gain != 1) {
                    throw new IllegalArgumentException("a gain needs demodulation to fold into");
                }
                return new Options(this);
            }
        }
    }
}
