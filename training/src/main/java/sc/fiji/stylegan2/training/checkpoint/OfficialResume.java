package sc.fiji.stylegan2.training.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.checkpoint.CheckpointFormatException;
import sc.fiji.stylegan2.model.checkpoint.NvlabsPickleReader;
import sc.fiji.stylegan2.model.checkpoint.NvlabsSnapshot;
import sc.fiji.stylegan2.model.checkpoint.OfficialAugmentPipe;
import sc.fiji.stylegan2.model.checkpoint.OfficialConfig;
import sc.fiji.stylegan2.model.checkpoint.OfficialNetworks;
import sc.fiji.stylegan2.model.network.DiscriminatorConfig;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.data.AdaptiveAugment;
import sc.fiji.stylegan2.training.data.AugmentMode;
import sc.fiji.stylegan2.training.data.AugmentOp;

/**
 * A run of the official NVlabs StyleGAN2-ADA trainer taken back to continue here: a {@code
 * network-snapshot-<kimg>.pkl} becomes a {@link TrainingCheckpoint} with everything the pickle and
 * its name hold: G, D and G_ema (with {@code w_avg}) and their configs, the image count (the kimg
 * in the file name, where the official {@code training_loop} puts it) and the augmentation
 * probability p (the buffer {@code augment_pipe.p}). What the pickle does not hold comes from the
 * keys of the run being started ({@code keys}: objective, minibatch, Adam, schedule, seed,
 * augmentation mode) and the data (intensity mapping).
 *
 * <p>Deviation from an uninterrupted run, as with the official {@code --resume}, which copies only
 * G, D and G_ema: the Adam moments and step count start fresh (the pickle has none; a notice says
 * so), as do the path length mean a and the tick count. Unlike the official {@code --resume}, the
 * kimg and p continue (NVlabs stylegan2-ada-pytorch issue #81).
 *
 * @param checkpoint the networks, options and counters to resume from (empty Adam states)
 * @param notices what the user should read once before the run continues
 */
public record OfficialResume(TrainingCheckpoint checkpoint, List<String> notices) {

    /** The official snapshot name, {@code network-snapshot-000120.pkl} for 120 kimg. */
    private static final Pattern NAME =
            Pattern.compile("network-snapshot-(\\d{1,9})\\.pkl", Pattern.CASE_INSENSITIVE);

    /** The opcode ({@code PROTO}) that every pickle of protocol 2 or later starts with. */
    private static final int PICKLE_PROTO = 0x80;

    /**
     * Whether {@code file} is a Python pickle (an official snapshot) rather than a {@code .sg2}.
     */
    public static boolean isPickle(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == PICKLE_PROTO;
        }
    }

    /**
     * Reads an official snapshot for resuming.
     *
     * @param file the {@code network-snapshot-<kimg>.pkl}
     * @param keys the options of the run being started, from the data and the user's keys; the
     *     networks are replaced by the snapshot's
     * @param intensity the data's mapping to [-1, 1], which the resumed model keeps
     * @throws CheckpointFormatException naming the file when it is not an official snapshot with G
     *     and D, or is damaged
     * @throws IllegalArgumentException naming {@code resume} when its networks do not fit the data
     *     or the keys
     */
    public static OfficialResume read(Path file, TrainingOptions keys, IntensityMapping intensity)
            throws IOException {
        String name = file.getFileName().toString();
        NvlabsSnapshot snapshot = NvlabsPickleReader.readSnapshot(file);
        OfficialNetworks nets = snapshot.networks();
        if (nets.g() == null || nets.d() == null) {
            throw new CheckpointFormatException(
                    name
                            + " holds no "
                            + (nets.g() == null ? "G" : "D")
                            + ", which resuming needs; resume from a network-snapshot-*.pkl written"
                            + " by the official train.py");
        }
        GeneratorConfig g = OfficialConfig.generator(nets, name);
        DiscriminatorConfig d = OfficialConfig.discriminator(nets, g, name);
        TrainingOptions options = options(name, g, d, keys);
        List<String> notices = new ArrayList<>();
        long kimg = kimg(name, notices);
        double p = augmentP(snapshot.augmentPipe(), options, notices);
        notices.add(
                "resume from "
                        + name
                        + ": the Adam moments start fresh (the official snapshot does not hold"
                        + " them), as with the official --resume");
        long curNimg = kimg * 1000;
        TrainingState state =
                new TrainingState(
                        curNimg,
                        // The minibatches this run would have done to reach the image count.
                        curNimg / options.batchSize(),
                        0,
                        0,
                        0,
                        AdaptiveAugment.State.initial(p));
        StyleGAN2Model model = StyleGAN2Model.fromOfficial(nets, intensity, name);
        return new OfficialResume(
                new TrainingCheckpoint(model, options, state, Map.of(), Map.of()),
                List.copyOf(notices));
    }

    /** The keys' options with the snapshot's networks, which must fit the data. */
    private static TrainingOptions options(
            String name, GeneratorConfig g, DiscriminatorConfig d, TrainingOptions keys) {
        if (g.cDim() > 0) {
            throw new IllegalArgumentException(
                    "resume: "
                            + name
                            + " is a conditional network ("
                            + g.cDim()
                            + " classes); Train StyleGAN2 trains unconditional networks only");
        }
        if (g.resolution() != keys.resolution() || g.imgChannels() != keys.imgChannels()) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "resume: %s is a %d px network with %d channel(s) but the images were"
                                    + " read at %d px with %d channel(s); set resolution=%d and"
                                    + " give images with %d channel(s)",
                            name,
                            g.resolution(),
                            g.imgChannels(),
                            keys.resolution(),
                            keys.imgChannels(),
                            g.resolution(),
                            g.imgChannels()));
        }
        try {
            return keys.withNetworks(g, d);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "resume: " + name + " does not fit the options: " + e.getMessage(), e);
        }
    }

    /** The kimg in the official file name; 0, with a notice, for a file renamed otherwise. */
    private static long kimg(String name, List<String> notices) {
        Matcher m = NAME.matcher(name);
        if (m.matches()) {
            return Long.parseLong(m.group(1));
        }
        notices.add(
                "resume from "
                        + name
                        + ": the name does not say the kimg (official: network-snapshot-<kimg>.pkl),"
                        + " so the count starts at 0 kimg");
        return 0;
    }

    /**
     * The snapshot's p for an {@code ada} run, with notices where the official pipe's operations
     * differ from ours or the mode here does not use p.
     */
    private static double augmentP(
            OfficialAugmentPipe pipe, TrainingOptions options, List<String> notices) {
        if (pipe == null) {
            return options.augment().p();
        }
        AugmentMode mode = options.augment().mode();
        if (mode != AugmentMode.ADA) {
            if (pipe.p() == 0) {
                return options.augment().p();
            }
            notices.add(
                    String.format(
                            Locale.ROOT,
                            "resume: the snapshot's augmentation p %.4f is not used with augment=%s",
                            pipe.p(),
                            mode.key()));
            return options.augment().p();
        }
        List<String> lacking = new ArrayList<>(pipe.ops());
        List<String> extra = new ArrayList<>();
        for (AugmentOp op : EnumSet.allOf(AugmentOp.class)) {
            String official = op.name().toLowerCase(Locale.ROOT);
            if (!lacking.remove(official)) {
                extra.add(official);
            }
        }
        if (!lacking.isEmpty() || !extra.isEmpty()) {
            notices.add(
                    "resume: the official run augmented with "
                            + String.join(", ", pipe.ops())
                            + (lacking.isEmpty()
                                    ? ""
                                    : "; this plugin lacks " + String.join(", ", lacking))
                            + (extra.isEmpty() ? "" : "; it adds " + String.join(", ", extra))
                            + ", so p may settle at another value");
        }
        // Deviation (as AdaptiveAugment): p is kept in [0, 1]; the official clamps only below.
        return Math.max(0, Math.min(1, pipe.p()));
    }
}
