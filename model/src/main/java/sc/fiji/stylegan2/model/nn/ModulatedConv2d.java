package sc.fiji.stylegan2.model.nn;

import ai.djl.ndarray.NDArray;

/**
 * Weight modulation and demodulation, StyleGAN2 (Karras et al. 2020) Sec. 2.2, shared by the synthesis
 * layers and toRGB:
 *
 * <pre>
 *   Eq. 1  w'_ijk  = s_i · w_ijk                          (modulate by the style of input channel i)
 *   Eq. 2  σ_j     = sqrt(Σ_{i,k} w'_ijk² + ε)            (expected std of output channel j)
 *   Eq. 3  w''_ijk = w'_ijk / σ_j                          (demodulate)
 * </pre>
 *
 * Two equivalent ways to run it: <b>fused</b>, one grouped convolution with a per-sample weight (groups = N),
 * as the official code does in eval mode; and <b>unfused</b>, scaling the activations by s before and by 1/σ
 * after one shared convolution (the paper's "implementation details"). On CPU the shared convolution runs at
 * several times the speed of a grouped one for batches &gt; 1 (measured: see the README's bench), so the
 * caller picks per case.
 */
public final class ModulatedConv2d {

    private ModulatedConv2d() {}

    /**
     * @param x activations {@code [N, I, H, W]}
     * @param weight {@code [O, I, kh, kw]} (already including any runtime gain the caller wants)
     * @param styles {@code [N, I]}
     * @param noise per-pixel noise to add after the (de)modulated convolution, broadcastable to the output, or
     *     null
     * @param f FIR filter for upsampling, or null when {@code up == 1}
     * @param gain a positive factor folded into the demodulation (1 without demodulation)
     */
    public static NDArray apply(NDArray x, NDArray weight, NDArray styles, NDArray noise, int up, int padding,
            NDArray f, boolean demodulate, boolean flipWeight, boolean fused, double gain) {
        if (!demodulate && gain != 1) {
            throw new IllegalArgumentException("a gain needs demodulation to fold into");
        }
        long n = x.getShape().get(0);
        long[] ws = weight.getShape().getShape();
        long out = ws[0], in = ws[1], kh = ws[2], kw = ws[3];

        NDArray w = fused ? modulate(weight, styles) : null; // [N,O,I,kh,kw]
        NDArray dcoefs = null; // [N,O]
        if (demodulate) {
            // Unfused, Eq. 2 needs no modulated weights: Σ_{i,k} (s_i w_oik)² = Σ_i s_i² Σ_k w_oik², one small
            // matrix product (as the official TensorFlow StyleGAN2 computes it).
            dcoefs = fused ? demodulationCoefficients(w) : demodulationCoefficients(weight, styles);
        }
        if (demodulate && gain != 1) {
            dcoefs = Scalars.mul(dcoefs, gain);
        }
        if (up > 1) {
            return upsampled(x, weight, styles, dcoefs, noise, f, padding, flipWeight, fused);
        }
        if (!fused) {
            x = x.mul(styles.reshape(n, -1, 1, 1));
            x = Conv2dResample.apply(x, weight, f, up, 1, padding, 1, flipWeight);
            if (demodulate) {
                // Eq. 3 applied to the activations, then noise.
                x = Owned.mul(x, dcoefs.reshape(n, -1, 1, 1));
            }
            return noise == null ? x : Owned.add(x, noise);
        }
        if (demodulate) {
            w = Owned.mul(w, dcoefs.reshape(n, -1, 1, 1, 1)); // Eq. 3
        }
        // One grouped convolution: the batch becomes the channel groups.
        long h = x.getShape().get(2), wd = x.getShape().get(3);
        x = x.reshape(1, n * in, h, wd);
        x = Conv2dResample.apply(x, w.reshape(n * out, in, kh, kw), f, up, 1, padding, (int) n, flipWeight);
        x = x.reshape(n, out, x.getShape().get(2), x.getShape().get(3));
        return noise == null ? x : Owned.add(x, noise);
    }

    /**
     * Upsampling as the official code orders it: the stride-2 transposed convolution (as four phase
     * convolutions with 2x2 kernels: 16 taps per input pixel, where folding the FIR filter into the phases
     * would take 36; measured faster at every size in the README's bench), then the FIR filter with gain 4.
     * Modulation and demodulation scale input and output channels, which commutes with the spatial
     * phase split and the FIR filter, so the phase weights are built once from the shared weight.
     */
    private static NDArray upsampled(NDArray x, NDArray weight, NDArray styles, NDArray dcoefs, NDArray noise,
            NDArray f, int padding, boolean flipWeight, boolean fused) {
        long n = x.getShape().get(0), in = weight.getShape().get(1), out = weight.getShape().get(0);
        long kw = weight.getShape().get(3), fw = f.getShape().get(1);
        // The official FIR padding after the transposed convolution (conv2d_resample's adjustment).
        int p0 = (int) (padding + (fw + 1) / 2 - (kw - 1));
        int p1 = (int) (padding + (fw - 2) / 2 - (kw - 2));
        NDArray wp = PolyphaseUpsample.transposedPhaseWeight(weight, flipWeight); // [O*4, I, Lp, Lp]
        long lp = wp.getShape().get(2);
        // The phase output carries one extra trailing zero row/column: take it off the right padding.
        int[] pad = {p0, p1 - 1, p0, p1 - 1};
        if (!fused) {
            NDArray t = PolyphaseUpsample.transposedConv(x.mul(styles.reshape(n, -1, 1, 1)), wp, 1);
            if (dcoefs != null) {
                t = Owned.mul(t, dcoefs.reshape(n, -1, 1, 1));
            }
            x = Upfirdn2d.upfirdn2d(t, f, 1, 1, pad, 4, false);
            return noise == null ? x : Owned.add(x, noise);
        }
        NDArray w = wp.reshape(1, out, 4, in, lp, lp).mul(styles.reshape(n, 1, 1, in, 1, 1));
        if (dcoefs != null) {
            w = Owned.mul(w, dcoefs.reshape(n, out, 1, 1, 1, 1));
        }
        long h = x.getShape().get(2), wd = x.getShape().get(3);
        NDArray t = PolyphaseUpsample.transposedConv(x.reshape(1, n * in, h, wd), w.reshape(n * out * 4, in, lp, lp),
                (int) n);
        x = Upfirdn2d.upfirdn2d(t, f, 1, 1, pad, 4, false);
        x = x.reshape(n, out, x.getShape().get(2), x.getShape().get(3));
        return noise == null ? x : Owned.add(x, noise);
    }

    /** Eq. 1: {@code w'[n,o,i,..] = s[n,i] · w[o,i,..]}, shape {@code [N, O, I, kh, kw]}. */
    public static NDArray modulate(NDArray weight, NDArray styles) {
        long n = styles.getShape().get(0);
        return weight.expandDims(0).mul(styles.reshape(n, 1, -1, 1, 1));
    }

    /** Eq. 2–3: {@code 1 / sqrt(Σ_{i,k} w'² + 1e-8)} per sample and output channel, {@code [N, O]}. */
    public static NDArray demodulationCoefficients(NDArray modulated) {
        return Scalars.pow(modulated.square().sum(new int[] {2, 3, 4}).add(1e-8f), -0.5);
    }

    /** Eq. 2–3 from the styles and the unmodulated weight: {@code (s² · (Σ_k w²)ᵀ + 1e-8)^(-1/2)}, {@code [N, O]}. */
    public static NDArray demodulationCoefficients(NDArray weight, NDArray styles) {
        NDArray wsq = weight.square().sum(new int[] {2, 3}); // [O, I]
        return Scalars.pow(styles.square().matMul(wsq.transpose()).add(1e-8f), -0.5);
    }
}
