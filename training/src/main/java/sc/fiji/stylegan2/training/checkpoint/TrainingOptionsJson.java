package sc.fiji.stylegan2.training.checkpoint;

import com.google.gson.JsonObject;
import sc.fiji.stylegan2.model.Precision;
import sc.fiji.stylegan2.model.checkpoint.ConfigJson;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.training.GrowingSchedule;
import sc.fiji.stylegan2.training.TrainingConfig;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.data.AugmentMode;
import sc.fiji.stylegan2.training.data.AugmentOptions;
import sc.fiji.stylegan2.training.loss.LossOptions;

/**
 * Training options as a JSON object in checkpoints, with the official kwarg names where there are
 * some.
 */
public final class TrainingOptionsJson {

    private TrainingOptionsJson() {}

    public static JsonObject of(TrainingOptions o) {
        JsonObject j = new JsonObject();
        j.addProperty("cfg", o.config().key());
        j.add("G", ConfigJson.of(o.generator()));
        j.addProperty("mbstd_group_size", o.discriminator().mbstdGroupSize());
        LossOptions l = o.loss();
        j.addProperty("r1_gamma", l.r1Gamma());
        j.addProperty("D_reg_interval", l.r1Interval());
        j.addProperty("pl_weight", l.plWeight());
        j.addProperty("pl_decay", l.plDecay());
        j.addProperty("pl_batch_shrink", l.plBatchShrink());
        j.addProperty("G_reg_interval", l.plInterval());
        j.addProperty("style_mixing_prob", l.styleMixingProb());
        j.addProperty("batch_size", o.batchSize());
        j.addProperty("lr", o.learningRate());
        j.addProperty("beta1", o.beta1());
        j.addProperty("beta2", o.beta2());
        j.addProperty("eps", o.epsilon());
        j.addProperty("ema_kimg", o.emaKimg());
        if (o.emaRampup() != null) {
            j.addProperty("ema_rampup", o.emaRampup());
        }
        j.addProperty("total_kimg", o.totalKimg());
        j.addProperty("tick_kimg", o.tickKimg());
        j.addProperty("snapshot_kimg", o.snapshotKimg());
        j.addProperty("seed", o.seed());
        j.addProperty("grid_images", o.gridImages());
        j.addProperty("mirror", o.mirror());
        AugmentOptions a = o.augment();
        j.addProperty("augment", a.mode().key());
        j.addProperty("augment_p", a.p());
        j.addProperty("ada_target", a.target());
        j.addProperty("ada_kimg", a.adaKimg());
        GrowingSchedule grow = o.growing();
        if (grow != null) {
            JsonObject gj = new JsonObject();
            gj.addProperty("lod_initial_resolution", grow.initialResolution());
            gj.addProperty("lod_training_kimg", grow.trainingKimg());
            gj.addProperty("lod_transition_kimg", grow.transitionKimg());
            gj.addProperty("max_batch_factor", grow.maxBatchFactor());
            j.add("growing", gj);
        }
        j.addProperty("precision", o.precision().key());
        return j;
    }

    /**
     * @throws IllegalArgumentException or a JSON exception when a value is missing or invalid
     */
    public static TrainingOptions parse(JsonObject j) {
        GeneratorConfig g = ConfigJson.generator(j.getAsJsonObject("G"));
        LossOptions loss =
                new LossOptions(
                        j.get("r1_gamma").getAsDouble(),
                        j.get("D_reg_interval").getAsInt(),
                        j.get("pl_weight").getAsDouble(),
                        j.get("pl_decay").getAsDouble(),
                        j.get("pl_batch_shrink").getAsInt(),
                        j.get("G_reg_interval").getAsInt(),
                        j.get("style_mixing_prob").getAsDouble());
        return TrainingOptions.builder(
                        TrainingConfig.parse(j.get("cfg").getAsString()),
                        g.resolution(),
                        g.imgChannels())
                .optGenerator(g)
                .optMbstdGroup(j.get("mbstd_group_size").getAsInt())
                .optLoss(loss)
                .optBatchSize(j.get("batch_size").getAsInt())
                .optLearningRate(j.get("lr").getAsDouble())
                .optBetas(j.get("beta1").getAsDouble(), j.get("beta2").getAsDouble())
                .optEpsilon(j.get("eps").getAsDouble())
                .optEmaKimg(j.get("ema_kimg").getAsDouble())
                .optEmaRampup(j.has("ema_rampup") ? j.get("ema_rampup").getAsDouble() : null)
                .optTotalKimg(j.get("total_kimg").getAsDouble())
                .optTickKimg(j.get("tick_kimg").getAsDouble())
                .optSnapshotKimg(j.get("snapshot_kimg").getAsDouble())
                .optSeed(j.get("seed").getAsLong())
                .optGridImages(j.get("grid_images").getAsInt())
                .optMirror(j.has("mirror") && j.get("mirror").getAsBoolean())
                .optAugment(augment(j))
                .optGrowing(growing(j))
                .optPrecision(precision(j))
                .build();
    }

    /** The growing schedule; none for runs without (every checkpoint written before it). */
    private static GrowingSchedule growing(JsonObject j) {
        if (!j.has("growing")) {
            return null;
        }
        JsonObject g = j.getAsJsonObject("growing");
        return new GrowingSchedule(
                g.get("lod_initial_resolution").getAsInt(),
                g.get("lod_training_kimg").getAsDouble(),
                g.get("lod_transition_kimg").getAsDouble(),
                g.get("max_batch_factor").getAsInt());
    }

    /** The number format; float32 for checkpoints written before the choice existed. */
    private static Precision precision(JsonObject j) {
        return j.has("precision")
                ? Precision.parse(j.get("precision").getAsString())
                : Precision.FP32;
    }

    /** The augmentation; none for checkpoints written before it existed (those runs had none). */
    private static AugmentOptions augment(JsonObject j) {
        if (!j.has("augment")) {
            return AugmentOptions.none();
        }
        return new AugmentOptions(
                AugmentMode.parse(j.get("augment").getAsString()),
                j.get("augment_p").getAsDouble(),
                j.get("ada_target").getAsDouble(),
                j.get("ada_kimg").getAsDouble());
    }
}
