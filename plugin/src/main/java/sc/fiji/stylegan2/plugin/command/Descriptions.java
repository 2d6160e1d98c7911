package sc.fiji.stylegan2.plugin.command;

/**
 * The descriptions of the keys several commands share, so that a key means the same, in the same
 * words, in every dialog, in {@code --list} and in the README.
 */
final class Descriptions {

    static final String MODEL_FILE =
            "The StyleGAN2 model: an official NVlabs .pkl or .pt, or a .sg2 file.";
    static final String CONDITION =
            "For a conditional model: the class of the images, an index 0..c_dim-1 or a class name"
                    + " where the model stores names (Model Info lists them). Leave empty for an"
                    + " unconditional model, and with latent files (their ws already hold their class).";
    static final String TRUNCATION_PSI =
            "Truncation: 1 = no truncation, smaller = closer to the average image (e.g. 0.7).";
    static final String NOISE_MODE =
            "Per-pixel noise: const = the model's fixed noise (reproducible), random = fresh, none.";
    static final String OUTPUT_RANGE =
            "model = the model's intensity units (official models: 0..255 as float,"
                    + " not clamped); raw = the generator's output, about -1..1.";
    static final String BATCH_SIZE = "Images generated at once; lower it if memory runs out.";
    static final String DEVICE =
            "Where the network runs: auto = the engine's default. This build has PyTorch"
                    + " for the CPU only; GPU is refused with a message.";
    static final String PRECISION =
            "Number format of the convolutions: fp32 = float32 everywhere; bf16 = the four highest"
                    + " resolutions in bfloat16 (float32 weights and sums; faster on CPUs with"
                    + " AVX512-BF16 or AMX); auto = bf16 where the CPU has those, else fp32.";
    static final String IMAGES =
            "A LabeledFloatImg: dims (W, H, N) for one channel or (W, H, C, N), one label"
                    + " per image.";

    /**
     * What coarse, middle and fine mean ({@link sc.fiji.stylegan2.model.explore.StyleGroup}), in
     * every key that takes the groups.
     */
    static final String STYLE_GROUPS =
            "coarse (4-8 px), middle (16-32 px), fine (64 px and up) in models of 64 px or more;"
                    + " in smaller models the blocks split into thirds by depth"
                    + " (32 px: coarse 4-8, middle 16, fine 32; Model Info lists each group's layers)";

    /** What a latent file is, in every latent key's description. */
    static final String LATENT_FORMAT =
            ".npz (key w, e.g. from Project Image or the official projector) or .csv";

    /**
     * The description of {@code latent_file} in commands that show one image; the command adds the
     * noise.
     */
    static final String ONE_LATENT =
            "Instead of the seed: a latent file holding one latent, "
                    + LATENT_FORMAT
                    + ". When given, the seed is not used.";

    private Descriptions() {}
}
