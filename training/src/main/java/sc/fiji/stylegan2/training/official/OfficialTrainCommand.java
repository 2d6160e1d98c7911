package sc.fiji.stylegan2.training.official;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.data.AugmentMode;
import sc.fiji.stylegan2.training.data.AugmentOptions;
import sc.fiji.stylegan2.training.loss.LossOptions;

/**
 * The official {@code train.py} command line for our training options, with an explicit {@code
 * --cfg} (never {@code auto}). The official flags fix z = w = 512, channel maximum 512, and per
 * config the channel base, mapping depth, minibatch-stddev group, learning rate and EMA; {@code
 * --batch}, {@code --gamma}, {@code --kimg}, {@code --mirror}, {@code --aug}/{@code --p}/{@code
 * --target}, {@code --cond}, {@code --seed} and {@code --snap} override the rest. When our options
 * are all expressible ({@link #expressible()}), {@link #flags()} alone rebuilds our run; otherwise
 * {@link #differences()} says what the flags cannot say, and {@link #overrides()} holds every value
 * (as dotted paths into the official {@code args}) for our {@code train_official.py}, which runs
 * the official setup with the same flags and then applies them.
 *
 * <p>The official trainer keeps its own {@code num_fp16_res = 4} and {@code conv_clamp = 256}
 * (mixed precision; the parameters are the same): {@code --fp32=1} trains in float32 without clamp
 * as this project does, at GPU speed's expense.
 */
public final class OfficialTrainCommand {

    /** The official {@code --resume} sets {@code ada_kimg = 100} (ADA reacts faster at first). */
    static final double RESUME_ADA_KIMG = 100;

    private final TrainingOptions options;
    private final AugmentMode augment;
    private final OfficialConfigs base;
    private final List<String> differences;
    private final int kimg;
    private final boolean conditional;
    private final Double resumeP;

    /**
     * @param options our run's options
     * @param augment the augmentation mode in use ({@code auto} resolved by the data size)
     * @param kimg the official run's length ({@code --kimg}, at least 1)
     * @param conditional whether the dataset has labels to train on ({@code --cond=1})
     * @param resumeP null for a new run; when the run resumes from our networks, the augmentation
     *     probability p they reached. The official {@code --resume} disables the EMA ramp-up (its
     *     image count restarts at 0) and sets {@code ada_kimg = 100}; both are kept. It restarts p
     *     at 0, which the flags cannot change: a p above 0 is carried by the overrides.
     */
    public OfficialTrainCommand(
            TrainingOptions options,
            AugmentMode augment,
            int kimg,
            boolean conditional,
            Double resumeP) {
        if (kimg < 1) {
            throw new IllegalArgumentException("kimg must be at least 1, got " + kimg);
        }
        this.options = options;
        this.augment = augment;
        this.kimg = kimg;
        this.conditional = conditional;
        this.resumeP = resumeP;
        this.base =
                OfficialConfigs.ALL.stream()
                        .min(Comparator.comparingInt(c -> differencesFrom(c).size()))
                        .orElseThrow();
        this.differences = differencesFrom(base);
    }

    /** The {@code --cfg} value: the official config closest to ours. */
    public String cfg() {
        return base.name();
    }

    /** True when the official flags alone rebuild our networks and schedule. */
    public boolean expressible() {
        return differences.isEmpty();
    }

    /** What the official flags cannot express, one phrase each ({@code "z = w = 128 (512)"}). */
    public List<String> differences() {
        return List.copyOf(differences);
    }

    /**
     * The {@code train.py} flags but {@code --outdir}, {@code --data}, {@code --gpus}, {@code
     * --resume}.
     */
    public List<String> flags() {
        List<String> f = new ArrayList<>();
        f.add("--cfg=" + base.name());
        f.add("--batch=" + options.batchSize());
        f.add("--gamma=" + num(options.loss().r1Gamma()));
        f.add("--kimg=" + kimg);
        f.add("--snap=" + snapTicks(options.snapshotKimg()));
        f.add("--mirror=" + (options.mirror() ? 1 : 0));
        AugmentOptions a = options.augment();
        switch (augment) {
            case NONE -> f.add("--aug=noaug");
            case FIXED -> {
                f.add("--aug=fixed");
                f.add("--p=" + num(a.p()));
            }
            case ADA -> {
                f.add("--aug=ada");
                f.add("--target=" + num(a.target()));
            }
            default -> throw new IllegalStateException(augment.name());
        }
        if (conditional) {
            f.add("--cond=1");
        }
        f.add("--seed=" + options.seed());
        f.add("--metrics=none");
        return f;
    }

    /** {@code --snap}: official ticks of 4 kimg, at least 1. */
    static int snapTicks(double snapshotKimg) {
        return (int) Math.max(1, Math.round(snapshotKimg / OfficialConfigs.KIMG_PER_TICK));
    }

    /**
     * Every value the official flags might not set, by dotted path into the {@code args} that
     * {@code train.py}'s {@code setup_training_loop_kwargs} returns.
     */
    public JsonObject overrides() {
        GeneratorConfig g = options.generator();
        LossOptions l = options.loss();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("G_kwargs.z_dim", g.zDim());
        v.put("G_kwargs.w_dim", g.wDim());
        v.put("G_kwargs.mapping_kwargs.num_layers", g.mappingLayers());
        v.put("G_kwargs.mapping_kwargs.lr_multiplier", g.mappingLrMultiplier());
        v.put("G_kwargs.mapping_kwargs.w_avg_beta", g.wAvgBeta());
        v.put("G_kwargs.synthesis_kwargs.channel_base", g.channelBase());
        v.put("G_kwargs.synthesis_kwargs.channel_max", g.channelMax());
        v.put("D_kwargs.architecture", "resnet");
        v.put("D_kwargs.channel_base", options.discriminator().channelBase());
        v.put("D_kwargs.channel_max", options.discriminator().channelMax());
        v.put(
                "D_kwargs.epilogue_kwargs.mbstd_group_size",
                options.discriminator().mbstdGroupSize());
        v.put(
                "D_kwargs.epilogue_kwargs.mbstd_num_channels",
                options.discriminator().mbstdNumChannels());
        for (String opt : List.of("G_opt_kwargs", "D_opt_kwargs")) {
            v.put(opt + ".lr", options.learningRate());
            v.put(opt + ".betas", List.of(options.beta1(), options.beta2()));
            v.put(opt + ".eps", options.epsilon());
        }
        v.put("loss_kwargs.r1_gamma", l.r1Gamma());
        v.put("loss_kwargs.pl_weight", l.plWeight());
        v.put("loss_kwargs.pl_decay", l.plDecay());
        v.put("loss_kwargs.pl_batch_shrink", l.plBatchShrink());
        v.put("loss_kwargs.style_mixing_prob", l.styleMixingProb());
        v.put("G_reg_interval", l.plInterval());
        v.put("D_reg_interval", l.r1Interval());
        v.put("ema_kimg", options.emaKimg());
        v.put("ema_rampup", resuming() ? null : options.emaRampup());
        v.put("ada_kimg", resuming() ? RESUME_ADA_KIMG : options.augment().adaKimg());
        if (augment == AugmentMode.ADA && resuming()) {
            v.put("augment_p", resumeP);
        }
        JsonObject o = new JsonObject();
        v.forEach((k, x) -> o.add(k, new com.google.gson.Gson().toJsonTree(x)));
        return o;
    }

    private List<String> differencesFrom(OfficialConfigs c) {
        GeneratorConfig g = options.generator();
        LossOptions l = options.loss();
        List<String> d = new ArrayList<>();
        differ(
                d,
                "z = w = " + g.zDim(),
                g.zDim() == g.wDim() && g.zDim() == OfficialConfigs.LATENT,
                "512");
        differ(
                d,
                "channel_max " + g.channelMax(),
                g.channelMax() == OfficialConfigs.CHANNEL_MAX,
                "512");
        differ(
                d,
                "channel_base " + g.channelBase(),
                g.channelBase() == c.channelBase(),
                "" + c.channelBase());
        differ(
                d,
                "mapping layers " + g.mappingLayers(),
                g.mappingLayers() == c.mappingLayers(),
                "" + c.mappingLayers());
        differ(
                d,
                "mapping lr_multiplier " + num(g.mappingLrMultiplier()),
                g.mappingLrMultiplier() == 0.01,
                "0.01");
        differ(d, "w_avg_beta " + num(g.wAvgBeta()), g.wAvgBeta() == 0.995, "0.995");
        differ(
                d,
                "minibatch-stddev group " + options.discriminator().mbstdGroupSize(),
                options.discriminator().mbstdGroupSize() == c.mbstdGroup(),
                "" + c.mbstdGroup());
        differ(
                d,
                "mbstd channels " + options.discriminator().mbstdNumChannels(),
                options.discriminator().mbstdNumChannels() == 1,
                "1");
        differ(
                d,
                "lr " + num(options.learningRate()),
                options.learningRate() == c.learningRate(),
                num(c.learningRate()));
        differ(
                d,
                "Adam betas " + num(options.beta1()) + ", " + num(options.beta2()),
                options.beta1() == 0 && options.beta2() == 0.99,
                "0, 0.99");
        differ(d, "Adam eps " + num(options.epsilon()), options.epsilon() == 1e-8, "1e-8");
        differ(
                d,
                "ema_kimg " + num(options.emaKimg()),
                options.emaKimg() == c.emaKimg(),
                num(c.emaKimg()));
        if (!resuming()) {
            differ(
                    d,
                    "ema_rampup " + options.emaRampup(),
                    Objects.equals(options.emaRampup(), c.emaRampup()),
                    String.valueOf(c.emaRampup()));
        }
        differ(d, "pl_weight " + num(l.plWeight()), l.plWeight() == 2, "2");
        differ(d, "pl_decay " + num(l.plDecay()), l.plDecay() == 0.01, "0.01");
        differ(d, "pl_batch_shrink " + l.plBatchShrink(), l.plBatchShrink() == 2, "2");
        differ(
                d,
                "style_mixing_prob " + num(l.styleMixingProb()),
                l.styleMixingProb() == 0.9,
                "0.9");
        differ(d, "R1 every " + l.r1Interval(), l.r1Interval() == 16, "16");
        differ(d, "path length every " + l.plInterval(), l.plInterval() == 4, "4");
        if (augment == AugmentMode.ADA && !resuming()) {
            differ(
                    d,
                    "ada_kimg " + num(options.augment().adaKimg()),
                    options.augment().adaKimg() == 500,
                    "500");
        }
        if (augment == AugmentMode.ADA && resuming()) {
            differ(d, "ADA p " + show(resumeP) + " carried", resumeP == 0, "0 on resume");
        }
        return d;
    }

    private static void differ(List<String> d, String ours, boolean same, String official) {
        if (!same) {
            d.add(ours + " (official " + official + ")");
        }
    }

    /** A number for people: four significant digits, no exponent ({@code 0.00032}). */
    static String show(double v) {
        return new java.math.BigDecimal(v)
                .round(new java.math.MathContext(4))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** A number as Python reads it back: integers without a fraction, others in full. */
    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%s", v);
    }

    /** The minibatch-stddev group, which each GPU's share of the batch must be a multiple of. */
    public int mbstdGroup() {
        return options.discriminator().mbstdGroupSize();
    }

    private boolean resuming() {
        return resumeP != null;
    }

    /** The global minibatch. */
    public int batch() {
        return options.batchSize();
    }
}
