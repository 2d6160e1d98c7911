package sc.fiji.stylegan2.model;

import java.util.Locale;
import java.util.Set;
import sc.fiji.stylegan2.model.torch.CpuFlags;

/**
 * The number format of the convolutions: the user's {@code precision} choice for generation,
 * projection and training. Mixed precision as the official StyleGAN2-ADA runs float16 on GPUs
 * ({@code num_fp16_res=4}, {@code conv_clamp=256}): the convolutions of the four highest
 * resolutions compute in bfloat16 with float32 accumulation; weights (the master copy), losses,
 * gradients of the regularizers, Adam and G_ema stay float32.
 *
 * <p>Deviation: bfloat16 instead of float16, because the CPU convolutions of libtorch (oneDNN) run
 * bfloat16 natively on processors with AVX512-BF16 or AMX and do not run float16 at all. bfloat16
 * has float32's exponent range, so the official float16 overflow guards (the pre-normalised weights
 * and styles of its fused modulated convolution) are not needed.
 */
public enum Precision {
    /** Everything in float32 (the parity tests run this). */
    FP32,
    /** The convolutions of the highest resolutions in bfloat16. */
    BF16,
    /** {@link #BF16} where the processor computes bfloat16 natively, else {@link #FP32}. */
    AUTO;

    /**
     * How many of the highest resolutions run in bfloat16, as the official {@code num_fp16_res}.
     */
    public static final int NUM_BF16_RES = 4;

    /**
     * The activation clamp of bfloat16 layers whose model has none, as the official {@code
     * conv_clamp=256} that goes with its float16 layers.
     */
    public static final double BF16_CONV_CLAMP = 256;

    /** The key users type: {@code fp32}, {@code bf16}, {@code auto}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a user key, case-insensitively, with a message listing the valid keys. */
    public static Precision parse(String text) {
        for (Precision p : values()) {
            if (p.key().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "precision '" + text + "' is not valid: use fp32, bf16 or auto");
    }

    /**
     * {@link #FP32} or {@link #BF16}: this one, or for {@link #AUTO} the choice for a processor
     * with the given {@code /proc/cpuinfo} flags: bfloat16 where it has {@code avx512_bf16} (AVX512
     * BF16 dot products, Zen 4+, Cooper Lake) or {@code amx_bf16} (AMX tiles, Sapphire Rapids+),
     * the instructions oneDNN's bfloat16 convolutions need to beat float32.
     */
    public Precision resolve(Set<String> cpuFlags) {
        if (this != AUTO) {
            return this;
        }
        return cpuFlags.contains("avx512_bf16") || cpuFlags.contains("amx_bf16") ? BF16 : FP32;
    }

    /** {@link #resolve(Set)} for this machine's processor ({@link CpuFlags#current()}). */
    public Precision resolve() {
        return resolve(this == AUTO ? CpuFlags.current() : Set.of());
    }

    /**
     * The lowest resolution whose layers run in bfloat16 for an image of {@code imgResolution}
     * pixels: the official {@code fp16_resolution = max(2^(log2(res) + 1 − num_fp16_res), 8)}, so
     * the 4×4 block always stays float32.
     */
    public static int lowestBf16Resolution(int imgResolution) {
        int log2 = Integer.numberOfTrailingZeros(imgResolution);
        return Math.max(1 << Math.max(log2 + 1 - NUM_BF16_RES, 0), 8);
    }
}
