package sc.fiji.stylegan2.training.checkpoint;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.checkpoint.CheckpointFormatException;
import sc.fiji.stylegan2.model.checkpoint.Sg2Checkpoint;
import sc.fiji.stylegan2.model.checkpoint.TensorData;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.data.AdaptiveAugment;

/**
 * A training checkpoint: an ordinary {@code .sg2} model file (G_ema, G, D, configs, intensity
 * mapping, so every command opens it) that also holds what resuming needs: both Adam states (tensor
 * groups {@code G_opt} and {@code D_opt}: moments {@code m.*}, {@code v.*} and the step count) and,
 * under the metadata key {@code training}, the counters (images, minibatches, ticks, path length
 * mean, seconds), the augmentation probability p with the ADA heuristic's signs since its last
 * adjustment, and the options (seed included, which with the minibatch count is the whole random
 * state). Written atomically (temporary file, then rename), so an interrupted save leaves every
 * earlier file as it was.
 *
 * <p>Deviation: the official resume copies only G, D and G_ema, so p restarts from {@code
 * augment_p} (0) and the heuristic must climb again; here p and the pending signs continue, as the
 * uninterrupted run would.
 *
 * @param model G, G_ema and D with the data's intensity mapping (owned by whoever read or made it)
 * @param options the options the run was using
 * @param state the counters
 * @param gOpt the generator's Adam state; empty for an official snapshot ({@link OfficialResume}),
 *     whose Adam starts fresh
 * @param dOpt the discriminator's Adam state; empty likewise
 */
public record TrainingCheckpoint(
        StyleGAN2Model model,
        TrainingOptions options,
        TrainingState state,
        Map<String, TensorData> gOpt,
        Map<String, TensorData> dOpt) {

    static final String META_KEY = "training";
    static final String G_OPT = "G_opt";
    static final String D_OPT = "D_opt";

    /** Writes this checkpoint to {@code file} atomically; the model stays open. */
    public void write(Path file) throws IOException {
        JsonObject training = new JsonObject();
        training.addProperty("cur_nimg", state.curNimg());
        training.addProperty("batch_idx", state.batchIdx());
        training.addProperty("tick", state.tick());
        training.addProperty("pl_mean", state.plMean());
        training.addProperty("training_seconds", state.trainingSeconds());
        AdaptiveAugment.State augment = state.augment();
        training.addProperty(
                "augment_p", augment.p()); // official: augment_pipe.p in the snapshot pickle
        training.addProperty("ada_sign_sum", augment.signSum());
        training.addProperty("ada_sign_count", augment.signCount());
        training.addProperty("ada_batches", augment.batches());
        training.add("options", TrainingOptionsJson.of(options));
        JsonObject meta = new JsonObject();
        meta.add(META_KEY, training);
        Map<String, Map<String, TensorData>> extra = new LinkedHashMap<>();
        extra.put(G_OPT, gOpt);
        extra.put(D_OPT, dOpt);
        model.save(file, meta, extra);
    }

    /**
     * Reads a checkpoint written by {@link #write}; the caller owns (closes) the returned model.
     *
     * @throws CheckpointFormatException naming the file when it is missing, damaged, or not a
     *     training checkpoint
     */
    public static TrainingCheckpoint read(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (!Sg2Checkpoint.isSg2(file)) {
            throw new CheckpointFormatException(
                    name
                            + " is not a StyleGAN2-Fiji checkpoint (.sg2) or is damaged;"
                            + " resume from a network-snapshot-*.sg2 written by Train StyleGAN2"
                            + " or a network-snapshot-*.pkl written by the official train.py");
        }
        Sg2Checkpoint.Contents c = Sg2Checkpoint.read(file);
        JsonObject meta = c.meta();
        if (!meta.has(META_KEY)
                || !c.networks().containsKey(G_OPT)
                || !c.networks().containsKey(D_OPT)) {
            throw new CheckpointFormatException(
                    name
                            + " holds a model but no training state (optimizer moments,"
                            + " image count); resume from a network-snapshot-*.sg2 written by Train StyleGAN2");
        }
        TrainingOptions options;
        TrainingState state;
        try {
            JsonObject t = meta.getAsJsonObject(META_KEY);
            options = TrainingOptionsJson.parse(t.getAsJsonObject("options"));
            state =
                    new TrainingState(
                            t.get("cur_nimg").getAsLong(),
                            t.get("batch_idx").getAsLong(),
                            t.get("tick").getAsLong(),
                            t.get("pl_mean").getAsDouble(),
                            t.get("training_seconds").getAsDouble(),
                            augment(t));
        } catch (RuntimeException e) {
            throw new CheckpointFormatException(
                    name + " has a damaged training state (" + e.getMessage() + ")", e);
        }
        StyleGAN2Model model = StyleGAN2Model.fromCheckpoint(c, name);
        if (model.trainingGenerator() == null || !model.hasDiscriminator()) {
            model.close();
            throw new CheckpointFormatException(name + " lacks G or D, which resuming needs");
        }
        return new TrainingCheckpoint(
                model, options, state, c.networks().get(G_OPT), c.networks().get(D_OPT));
    }

    /** The augmentation state; p = 0 for checkpoints written before augmentation existed. */
    private static AdaptiveAugment.State augment(JsonObject t) {
        if (!t.has("augment_p")) {
            return AdaptiveAugment.State.initial(0);
        }
        return new AdaptiveAugment.State(
                t.get("augment_p").getAsDouble(),
                t.get("ada_sign_sum").getAsLong(),
                t.get("ada_sign_count").getAsLong(),
                t.get("ada_batches").getAsInt());
    }
}
