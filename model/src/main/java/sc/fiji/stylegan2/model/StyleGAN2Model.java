package sc.fiji.stylegan2.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sc.fiji.stylegan2.model.checkpoint.CheckpointFormatException;
import sc.fiji.stylegan2.model.checkpoint.ConfigJson;
import sc.fiji.stylegan2.model.checkpoint.OfficialCheckpoints;
import sc.fiji.stylegan2.model.checkpoint.OfficialConfig;
import sc.fiji.stylegan2.model.checkpoint.OfficialNetworks;
import sc.fiji.stylegan2.model.checkpoint.Sg2Checkpoint;
import sc.fiji.stylegan2.model.checkpoint.TensorData;
import sc.fiji.stylegan2.model.generate.ClassLabels;
import sc.fiji.stylegan2.model.generate.GenerateRequest;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.generate.ImageGenerator;
import sc.fiji.stylegan2.model.network.Architecture;
import sc.fiji.stylegan2.model.network.Discriminator;
import sc.fiji.stylegan2.model.network.DiscriminatorConfig;
import sc.fiji.stylegan2.model.network.DiscriminatorNetwork;
import sc.fiji.stylegan2.model.network.Generator;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.network.v1.ProgressiveDiscriminator;
import sc.fiji.stylegan2.model.network.v1.ProgressiveGrowing;
import sc.fiji.stylegan2.model.torch.GlobalRandom;

/**
 * A loaded StyleGAN2 model: the generator used for generation ({@code G_ema}), and the training
 * generator and discriminator when the file has them. Opens official NVlabs pickles ({@code .pkl}),
 * official state dicts ({@code .pt}) and this project's own checkpoints ({@code .sg2}). Holds
 * native memory: close it.
 *
 * <p>A conditional model ({@code c_dim > 0}) generates images of a class ({@link ClassLabels}); our
 * checkpoints may name the classes (metadata key {@value #CLASS_NAMES}, one name per class),
 * official files do not. Truncation goes towards the one global {@code w_avg}, as the official code
 * does.
 */
public final class StyleGAN2Model implements AutoCloseable {

    /**
     * The metadata key of a conditional model's class names in our checkpoints (a JSON array of
     * strings).
     */
    public static final String CLASS_NAMES = "class_names";

    /** The metadata key of a growing StyleGAN (v1) model's level of detail (absent when 0). */
    public static final String LOD = "lod";

    private final NDManager manager;
    private final String origin;
    private final GeneratorConfig config;
    private final IntensityMapping intensity;
    private final Generator gEma;
    private final Generator g;
    private final DiscriminatorNetwork d;
    private final JsonObject meta;
    private ClassLabels classes;

    private StyleGAN2Model(
            NDManager manager,
            String origin,
            GeneratorConfig config,
            IntensityMapping intensity,
            DiscriminatorConfig dConfig,
            boolean withG,
            JsonObject meta) {
        this.classes = new ClassLabels(config.cDim(), meta == null ? List.of() : classNames(meta));
        this.manager = manager;
        this.origin = origin;
        this.config = config;
        this.intensity = intensity;
        // Construction draws initial weights from libtorch's one generator (replaced when loading).
        this.gEma = GlobalRandom.locked(() -> new Generator(manager, config));
        this.g = withG ? GlobalRandom.locked(() -> new Generator(manager, config)) : null;
        this.d =
                dConfig == null
                        ? null
                        : GlobalRandom.locked(() -> discriminator(manager, config, dConfig));
        this.meta = meta == null ? new JsonObject() : meta;
    }

    /** The discriminator of the generator's architecture. */
    private static DiscriminatorNetwork discriminator(
            NDManager manager, GeneratorConfig g, DiscriminatorConfig d) {
        return g.architecture() == Architecture.STYLEGAN1
                ? new ProgressiveDiscriminator(manager, d)
                : new Discriminator(manager, d);
    }

    /** The class names stored under {@value #CLASS_NAMES}, or an empty list. */
    private static List<String> classNames(JsonObject meta) {
        JsonElement e = meta.get(CLASS_NAMES);
        List<String> names = new ArrayList<>();
        if (e == null || e.isJsonNull()) {
            return names;
        }
        if (!e.isJsonArray()) {
            throw new IllegalArgumentException(CLASS_NAMES + " is not a list of names");
        }
        for (JsonElement n : e.getAsJsonArray()) {
            if (!n.isJsonPrimitive() || !n.getAsJsonPrimitive().isString()) {
                throw new IllegalArgumentException(
                        CLASS_NAMES + " holds something other than a name");
            }
            names.add(n.getAsString());
        }
        return names;
    }

    /**
     * A freshly initialised model (official initialisation: N(0,1) weights, zero biases, unit style
     * biases), with generator, EMA generator and discriminator.
     */
    public static StyleGAN2Model create(
            GeneratorConfig config,
            DiscriminatorConfig dConfig,
            IntensityMapping intensity,
            long seed) {
        NDManager m = NDManager.newBaseManager();
        StyleGAN2Model model =
                GlobalRandom.locked(
                        () -> {
                            Engine.getInstance().setRandomSeed((int) seed);
                            return new StyleGAN2Model(
                                    m,
                                    "new (seed " + seed + ")",
                                    config,
                                    intensity,
                                    dConfig,
                                    true,
                                    null);
                        });
        try {
            model.gEma.loadStateDict(model.g.exportStateDict(), "G");
        } catch (CheckpointFormatException e) {
            throw new IllegalStateException(e);
        }
        return model;
    }

    /** Opens a model file of any supported kind; errors name the file and what is wrong. */
    public static StyleGAN2Model load(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (!Files.exists(file)) {
            throw new CheckpointFormatException("model file " + file + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new CheckpointFormatException(
                    file + " is a folder; choose a model file (.pkl, .pt or .sg2)");
        }
        if (Sg2Checkpoint.isSg2(file)) {
            return fromCheckpoint(Sg2Checkpoint.read(file), name);
        }
        return fromOfficial(OfficialCheckpoints.read(file), IntensityMapping.OFFICIAL_8BIT, name);
    }

    /**
     * The model in official networks already read (resuming training reads the snapshot once for
     * the networks and its augmentation pipe).
     *
     * @param intensity the data's mapping to [-1, 1] (official models: {@link
     *     IntensityMapping#OFFICIAL_8BIT})
     * @param name the file name, for messages
     */
    public static StyleGAN2Model fromOfficial(
            OfficialNetworks nets, IntensityMapping intensity, String name)
            throws CheckpointFormatException {
        GeneratorConfig cfg = OfficialConfig.generator(nets, name);
        DiscriminatorConfig dCfg =
                nets.d() == null ? null : OfficialConfig.discriminator(nets, cfg, name);
        String origin =
                nets.g() == null && nets.d() == null
                        ? "official state dict (G_ema)"
                        : "NVlabs pickle";
        StyleGAN2Model model =
                new StyleGAN2Model(
                        NDManager.newBaseManager(),
                        origin,
                        cfg,
                        intensity,
                        dCfg,
                        nets.g() != null,
                        null);
        return model.fill(nets.gEma(), nets.g(), nets.d(), name);
    }

    /**
     * The model in checkpoint contents already read (training reads the file once for the networks
     * and its own state); tensor groups other than {@code G_ema}, {@code G} and {@code D} are
     * ignored.
     *
     * @param name the file name, for messages
     */
    public static StyleGAN2Model fromCheckpoint(Sg2Checkpoint.Contents c, String name)
            throws CheckpointFormatException {
        JsonObject meta = c.meta();
        GeneratorConfig cfg;
        DiscriminatorConfig dCfg;
        IntensityMapping im;
        try {
            cfg = ConfigJson.generator(config(meta, "G"));
            dCfg = meta.has("D") ? ConfigJson.discriminator(config(meta, "D")) : null;
            im = ConfigJson.intensity(config(meta, "intensity"));
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException(
                    name
                            + ": damaged .sg2 checkpoint (invalid configuration: "
                            + e.getMessage()
                            + "); re-save it or use the original .pkl/.pt",
                    e);
        }
        try {
            Map<String, Map<String, TensorData>> nets = c.networks();
            StyleGAN2Model model =
                    new StyleGAN2Model(
                            NDManager.newBaseManager(),
                            "StyleGAN2-Fiji checkpoint",
                            cfg,
                            im,
                            nets.containsKey("D") ? dCfg : null,
                            nets.containsKey("G"),
                            meta);
            model.fill(nets.get("G_ema"), nets.get("G"), nets.get("D"), name);
            if (meta.has(LOD)) {
                try {
                    model.setLod(meta.get(LOD).getAsDouble());
                } catch (RuntimeException e) {
                    model.close();
                    throw e;
                }
            }
            return model;
        } catch (IllegalArgumentException | NullPointerException | IllegalStateException e) {
            String what =
                    e instanceof IllegalArgumentException
                            ? e.getMessage()
                            : "networks and configuration differ";
            throw new CheckpointFormatException(
                    name
                            + ": damaged .sg2 checkpoint (invalid configuration: "
                            + what
                            + "); re-save it or use the original .pkl/.pt",
                    e);
        }
    }

    /**
     * The pixel size of generated images, when the model was trained on calibrated images (metadata
     * key {@code calibration}); empty otherwise or for official models.
     */
    public java.util.Optional<Calibration> calibration() {
        JsonElement e = meta.get("calibration");
        if (e == null || !e.isJsonObject()) {
            return java.util.Optional.empty();
        }
        try {
            JsonObject o = e.getAsJsonObject();
            return java.util.Optional.of(
                    new Calibration(
                            o.get("pixel_width").getAsDouble(),
                            o.get("pixel_height").getAsDouble(),
                            o.get("unit").getAsString()));
        } catch (
                RuntimeException
                        bad) { // a damaged calibration is no calibration; the networks still load
            return java.util.Optional.empty();
        }
    }

    /** Records the pixel size of generated images; it is saved with the model. */
    public void setCalibration(Calibration calibration) {
        JsonObject o = new JsonObject();
        o.addProperty("pixel_width", calibration.pixelWidth());
        o.addProperty("pixel_height", calibration.pixelHeight());
        o.addProperty("unit", calibration.unit());
        meta.add("calibration", o);
    }

    /**
     * The config object {@code key} ({@code G}, {@code D}, {@code intensity}) of a checkpoint's
     * metadata.
     */
    private static JsonObject config(JsonObject meta, String key) {
        JsonElement e = meta.get(key);
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException("no " + key + " config");
        }
        return e.getAsJsonObject();
    }

    private StyleGAN2Model fill(
            Map<String, TensorData> gEmaSd,
            Map<String, TensorData> gSd,
            Map<String, TensorData> dSd,
            String name)
            throws CheckpointFormatException {
        try {
            if (gEmaSd == null) {
                throw new CheckpointFormatException(name + " has no G_ema generator");
            }
            gEma.loadStateDict(gEmaSd, "G_ema in " + name);
            if (g != null) {
                g.loadStateDict(gSd, "G in " + name);
            }
            if (d != null) {
                d.loadStateDict(dSd, "D in " + name);
            }
            return this;
        } catch (CheckpointFormatException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public GeneratorConfig config() {
        return config;
    }

    public IntensityMapping intensity() {
        return intensity;
    }

    public boolean hasDiscriminator() {
        return d != null;
    }

    /** The generator used for generation (the moving average of G). */
    public Generator generator() {
        return gEma;
    }

    /** The training generator, or null. */
    public Generator trainingGenerator() {
        return g;
    }

    /** The discriminator, or null. */
    public DiscriminatorNetwork discriminator() {
        return d;
    }

    /** The manager that owns the weights (for callers that build inputs). */
    public NDManager manager() {
        return manager;
    }

    /** Free metadata stored with our checkpoints (empty for official files). */
    public JsonObject metadata() {
        return meta.deepCopy();
    }

    /**
     * The model's classes: none when unconditional, {@code c_dim} (with names where stored)
     * otherwise.
     */
    public ClassLabels classes() {
        return classes;
    }

    /**
     * The level of detail of a progressively grown (StyleGAN v1) model: 0 at full resolution, more
     * while it grows ({@link ProgressiveGrowing}); always 0 for StyleGAN2.
     */
    public double lod() {
        return gEma.synthesis() instanceof ProgressiveGrowing p ? p.lod() : 0;
    }

    /**
     * Sets the level of detail of G_ema, G and D (saved with the model as metadata {@value #LOD}).
     *
     * @throws IllegalArgumentException for a StyleGAN2 model and a lod other than 0, or a lod
     *     outside the network's levels
     */
    public void setLod(double lod) {
        if (!(gEma.synthesis() instanceof ProgressiveGrowing)) {
            if (lod != 0) {
                throw new IllegalArgumentException(
                        "only a StyleGAN (v1) model grows progressively; lod must be 0");
            }
            return;
        }
        ((ProgressiveGrowing) gEma.synthesis()).setLod(lod);
        if (g != null) {
            ((ProgressiveGrowing) g.synthesis()).setLod(lod);
        }
        if (d instanceof ProgressiveGrowing p) {
            p.setLod(lod);
        }
    }

    /**
     * Names the classes of a conditional model (training does, from the data's conditions); they
     * are saved with the model under {@value #CLASS_NAMES}.
     *
     * @throws IllegalArgumentException when the number of names is not {@code c_dim} or names
     *     repeat
     */
    public void setClassNames(List<String> names) {
        if (names.size() != config.cDim() || new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException(
                    "class names " + names + " do not name the " + config.cDim() + " classes");
        }
        classes = new ClassLabels(config.cDim(), names);
        JsonArray a = new JsonArray();
        names.forEach(a::add);
        meta.add(CLASS_NAMES, a);
    }

    /** Names of the layers the activation probe can capture. */
    public List<String> layerNames() {
        return gEma.layerNames();
    }

    /** A multi-line human-readable summary (for Model Info): {@link ModelSummary}. */
    public String describe() {
        return ModelSummary.of(this, origin, gEma, g, d);
    }

    /** Writes this project's own checkpoint format, atomically (temp file + rename). */
    public void save(Path file) throws IOException {
        save(file, new JsonObject(), Map.of());
    }

    /**
     * Writes this project's own checkpoint format with extra metadata and tensor groups in the same
     * atomic write (training adds its state: optimizer moments, counters, options). {@link #load}
     * ignores the extra groups, so such a file opens in every command.
     *
     * @param extraMeta members added to (or replacing) the metadata
     * @param extraTensors named tensor groups besides {@code G_ema}, {@code G} and {@code D}
     */
    public void save(
            Path file, JsonObject extraMeta, Map<String, Map<String, TensorData>> extraTensors)
            throws IOException {
        JsonObject m = meta.deepCopy();
        extraMeta.entrySet().forEach(e -> m.add(e.getKey(), e.getValue().deepCopy()));
        m.add("G", ConfigJson.of(config));
        if (d != null) {
            m.add("D", ConfigJson.of(d.config()));
        }
        m.add("intensity", ConfigJson.of(intensity));
        if (lod() != 0) {
            m.addProperty(LOD, lod());
        } else {
            m.remove(LOD);
        }
        Map<String, Map<String, TensorData>> nets = new LinkedHashMap<>();
        nets.put("G_ema", gEma.exportStateDict());
        if (g != null) {
            nets.put("G", g.exportStateDict());
        }
        if (d != null) {
            nets.put("D", d.exportStateDict());
        }
        extraTensors.forEach(
                (k, v) -> {
                    if (nets.containsKey(k)) {
                        throw new IllegalArgumentException(
                                "tensor group " + k + " is one of the networks");
                    }
                    nets.put(k, v);
                });
        Sg2Checkpoint.write(file, new Sg2Checkpoint.Contents(m, nets));
    }

    /** Generates one image per seed, in batches. On cancel returns the images finished so far. */
    public GeneratedImages generate(GenerateRequest request, ProgressListener progress) {
        return imageGenerator().generate(request, progress);
    }

    /**
     * Generation helpers over G_ema: seeds to ws, ws to images (for mixing, interpolation,
     * projection).
     */
    public ImageGenerator imageGenerator() {
        return new ImageGenerator(gEma, intensity, manager, classes);
    }

    @Override
    public void close() {
        manager.close();
    }
}
