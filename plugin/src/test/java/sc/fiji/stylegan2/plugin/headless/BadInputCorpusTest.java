package sc.fiji.stylegan2.plugin.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sc.fiji.stylegan2.plugin.testutil.BadInputFiles;
import sc.fiji.stylegan2.plugin.testutil.Fixtures;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;
import sc.fiji.stylegan2.plugin.testutil.Launcher;

/**
 * The rule for bad input, over every command and every kind of file: the launcher ends with exit
 * code 2 and exactly one line {@code stylegan2: ...} on stderr that names the key or the file,
 * without Java class names, prints nothing on stdout, and leaves no file behind (checks run before
 * any work starts).
 */
class BadInputCorpusTest {

    /** Words that give a Java exception or stack frame away. */
    private static final Pattern JAVA_NAMES =
            Pattern.compile("Exception|Error:|java\\.|\\.java:|com\\.google");

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();
    private static BadInputFiles files;
    private static Path dir;

    @BeforeAll
    static void setUp() throws IOException {
        dir = Files.createTempDirectory("bad-input");
        files = BadInputFiles.create(dir);
    }

    @AfterAll
    static void tearDown() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    /** One bad input: the launcher's arguments and a text the error line must contain. */
    record Case(String name, Function<BadInputFiles, String[]> args, String names) {
        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void badInputEndsWithOneLineNamingItAndExitCode2(Case c) throws IOException {
        Set<String> before = listing();
        Launcher.Result r = Launcher.run(scijava.context(), c.args().apply(files));
        assertEquals(Headless.EXIT_USAGE, r.code(), r.err());
        assertEquals("", r.out(), "stdout");
        String[] lines = r.err().split("\\R");
        assertEquals(1, lines.length, "one line on stderr, got:\n" + r.err());
        String line = lines[0];
        assertTrue(line.startsWith("stylegan2: "), line);
        assertTrue(line.contains(c.names()), "should name " + c.names() + ": " + line);
        assertFalse(JAVA_NAMES.matcher(line).find(), "Java names in: " + line);
        assertEquals(before, listing(), "files left behind");
    }

    private static Set<String> listing() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(p -> dir.relativize(p).toString())
                    .collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        modelFiles(cases);
        outputs(cases);
        latentFiles(cases);
        images(cases);
        values(cases);
        officialExport(cases);
        return cases;
    }

    private static final String[] MODEL_COMMANDS = {
        "Generate Images",
        "Style Mixing",
        "Interpolate Latents",
        "Stochastic Variation",
        "Show Activations",
        "Model Info",
        "Project Image",
        "Convert Checkpoint",
        "Evaluate Model"
    };

    /** Every kind of bad model file, each through a different model command in turn. */
    private static void modelFiles(List<Case> cases) {
        String[][] models = {
            {"missing.pkl", "missing.pkl"},
            {"folder.pkl", "folder.pkl"},
            {"empty.pkl", "empty.pkl"},
            {"text.pkl", "text.pkl"},
            {"lfs.pkl", "lfs.pkl"},
            {"truncated.pkl", "truncated.pkl"},
            {"garbage.pkl", "garbage.pkl"},
            {"text.pt", "text.pt"},
            {"truncated.pt", "truncated.pt"},
            {"missing-tensor.pt", "synthesis.b32.conv1.weight"},
            {"text.sg2", "text.sg2"},
            {"truncated.sg2", "truncated.sg2"},
            {"broken-json.sg2", "broken-json.sg2: damaged .sg2"},
            {"huge-shape.sg2", "huge-shape.sg2: damaged .sg2"},
            {"negative-shape.sg2", "negative-shape.sg2: damaged .sg2"},
            {"negative-offset.sg2", "negative-offset.sg2: damaged .sg2"},
            {"text-shape.sg2", "text-shape.sg2: damaged .sg2"},
            {"no-config-key.sg2", "z_dim"},
            {"newer-version.sg2", "newer version"},
            {"no-g-ema-data.sg2", "no-g-ema-data.sg2: damaged .sg2"},
        };
        for (int i = 0; i < models.length; i++) {
            String command = MODEL_COMMANDS[i % MODEL_COMMANDS.length];
            String model = models[i][0];
            cases.add(
                    new Case(
                            command + ": model_file " + model,
                            f -> run(command, modelArgs(command, f.path(model), f)),
                            models[i][1]));
        }
        cases.add(
                new Case(
                        "Train StyleGAN2: resume from a damaged .sg2",
                        f ->
                                run(
                                        "Train StyleGAN2",
                                        "images='"
                                                + f.path("good-images")
                                                + "',output_dir='"
                                                + f.dir()
                                                + "',resolution=8,resume='"
                                                + f.path("huge-shape.sg2")
                                                + "'"),
                        "huge-shape.sg2"));
        cases.add(
                new Case(
                        "Train StyleGAN2: resume from a truncated official .pkl",
                        f ->
                                run(
                                        "Train StyleGAN2",
                                        "images='"
                                                + f.path("good-images")
                                                + "',output_dir='"
                                                + f.dir()
                                                + "',resolution=8,resume='"
                                                + f.path("truncated.pkl")
                                                + "'"),
                        "truncated.pkl"));
        cases.add(
                new Case(
                        "Train StyleGAN2: resume from an official .pkl of another resolution",
                        f ->
                                run(
                                        "Train StyleGAN2",
                                        "images='"
                                                + f.path("good-images")
                                                + "',output_dir='"
                                                + f.dir()
                                                + "',resolution=8,resume='"
                                                + Fixtures.rgb32Pickle()
                                                + "'"),
                        "resolution=32"));
        cases.add(
                new Case(
                        "Train StyleGAN2: resume from a missing file",
                        f ->
                                run(
                                        "Train StyleGAN2",
                                        "images='"
                                                + f.path("good.png")
                                                + "',output_dir='"
                                                + f.dir()
                                                + "',resume='"
                                                + f.path("none.sg2")
                                                + "'"),
                        "resume"));
        cases.add(
                new Case(
                        "Train StyleGAN2: growing with stylegan2",
                        f ->
                                run(
                                        "Train StyleGAN2",
                                        "images='"
                                                + f.path("good-images")
                                                + "',output_dir='"
                                                + f.dir()
                                                + "',resolution=8,growing=true"),
                        "growing=true needs architecture='stylegan1'"));
        cases.add(
                new Case(
                        "Train StyleGAN2: architecture stylegan3",
                        f ->
                                run(
                                        "Train StyleGAN2",
                                        "images='"
                                                + f.path("good-images")
                                                + "',output_dir='"
                                                + f.dir()
                                                + "',resolution=8,architecture='stylegan3'"),
                        "architecture"));
    }

    /** The keys the model commands need besides model_file. */
    private static String modelArgs(String command, String model, BadInputFiles f) {
        String args = "model_file='" + model + "'";
        return switch (command) {
            case "Project Image" -> args + ",target='" + f.path("good.png") + "',num_steps=1";
            case "Convert Checkpoint" -> args + ",output_file='" + f.path("out.sg2") + "'";
            default -> args;
        };
    }

    private static void outputs(List<Case> cases) {
        String good = "model_file='" + Fixtures.rgb32Pickle() + "'";
        String[][] saves = {
            {"outdir.tif", "is a folder"},
            {"text.txt/out.tif", "is a file, not a folder"},
            {"no-such-folder/out.tif", "does not exist"}
        };
        String[] imageCommands = {
            "Generate Images",
            "Style Mixing",
            "Interpolate Latents",
            "Stochastic Variation",
            "Show Activations",
            "Project Image"
        };
        for (int i = 0; i < imageCommands.length; i++) {
            String command = imageCommands[i];
            String[] save = saves[i % saves.length];
            cases.add(
                    new Case(
                            command + ": --save " + save[0],
                            f ->
                                    new String[] {
                                        "--run",
                                        command,
                                        modelArgs(command, Fixtures.rgb32Pickle().toString(), f),
                                        "--save",
                                        f.path(save[0])
                                    },
                            "--save"));
        }
        cases.add(
                new Case(
                        "Model Info: --save for a command without images",
                        f -> new String[] {"--run", "Model Info", good, "--save", f.path("x.tif")},
                        "--save"));
        for (String out : new String[] {"outdir.sg2", "text.txt/x.sg2", "no-such-folder/x.sg2"}) {
            cases.add(
                    new Case(
                            "Convert Checkpoint: output_file " + out,
                            f ->
                                    run(
                                            "Convert Checkpoint",
                                            good + ",output_file='" + f.path(out) + "'"),
                            "output_file"));
        }
        cases.add(
                new Case(
                        "Convert Checkpoint: output_file is model_file",
                        f ->
                                run(
                                        "Convert Checkpoint",
                                        "model_file='"
                                                + f.path("good.sg2")
                                                + "',output_file='"
                                                + f.path("good.sg2")
                                                + "'"),
                        "output_file"));
        for (String out : new String[] {"outdir.npz", "text.txt/w.npz", "no-such-folder/w.npz"}) {
            cases.add(
                    new Case(
                            "Project Image: latent_file " + out,
                            f ->
                                    run(
                                            "Project Image",
                                            modelArgs(
                                                            "Project Image",
                                                            Fixtures.rgb32Pickle().toString(),
                                                            f)
                                                    + ",latent_file='"
                                                    + f.path(out)
                                                    + "'"),
                            "latent_file"));
        }
        for (String out : new String[] {"text.txt/run", "text.txt"}) {
            cases.add(
                    new Case(
                            "Train StyleGAN2: output_dir " + out,
                            f ->
                                    run(
                                            "Train StyleGAN2",
                                            "images='"
                                                    + f.path("good.png")
                                                    + "',output_dir='"
                                                    + f.path(out)
                                                    + "'"),
                            "output_dir"));
        }
    }

    private static void latentFiles(List<Case> cases) {
        String[][] latents = {
            {"text.npz", "Generate Images", "latent_file"},
            {"no-w.npz", "Generate Images", "latent_file"},
            {"negative-shape.npz", "Stochastic Variation", "latent_file"},
            {"text-shape.npz", "Show Activations", "latent_file"},
            {"truncated.npz", "Interpolate Latents", "latent_files"},
            {"int-dtype.npz", "Style Mixing", "row_latents"},
            {"wrong-size.npz", "Generate Images", "latent_file"},
            {"text.csv", "Style Mixing", "col_latents"},
            {"not-a-number.csv", "Generate Images", "latent_file"},
            {"short-row.csv", "Show Activations", "latent_file"},
            {"huge-index.csv", "Stochastic Variation", "latent_file"},
            {"no-values.csv", "Interpolate Latents", "latent_files"},
            {"missing.npz", "Generate Images", "latent_file"},
            {"outdir.npz", "Show Activations", "latent_file"},
        };
        for (String[] l : latents) {
            cases.add(
                    new Case(
                            l[1] + ": " + l[2] + " " + l[0],
                            f ->
                                    run(
                                            l[1],
                                            "model_file='"
                                                    + Fixtures.rgb32Pickle()
                                                    + "',"
                                                    + l[2]
                                                    + "='"
                                                    + f.path(l[0])
                                                    + (l[2].equals("latent_files")
                                                            ? "," + f.path(l[0])
                                                            : "")
                                                    + "'"),
                            l[2]));
        }
    }

    private static void images(List<Case> cases) {
        String[] targets = {
            "text.txt",
            "text.png",
            "text.tif",
            "truncated.png",
            "header-only.tif",
            "empty-folder",
            "missing.png"
        };
        for (String t : targets) {
            cases.add(
                    new Case(
                            "Project Image: target " + t,
                            f ->
                                    run(
                                            "Project Image",
                                            "model_file='"
                                                    + Fixtures.rgb32Pickle()
                                                    + "',num_steps=1,target='"
                                                    + f.path(t)
                                                    + "'"),
                            "target"));
        }
        String[] images = {
            "text.txt",
            "text.png",
            "truncated.png",
            "header-only.tif",
            "empty-folder",
            "text-images",
            "missing-folder"
        };
        for (String i : images) {
            cases.add(
                    new Case(
                            "Train StyleGAN2: images " + i,
                            f ->
                                    run(
                                            "Train StyleGAN2",
                                            "images='"
                                                    + f.path(i)
                                                    + "',output_dir='"
                                                    + f.path("run")
                                                    + "',resolution=8"),
                            "images"));
        }
        cases.add(
                new Case(
                        "Train StyleGAN2: tiles larger than the images",
                        f ->
                                run(
                                        "Train StyleGAN2",
                                        "images='"
                                                + f.path("good-images")
                                                + "',output_dir='"
                                                + f.path("run")
                                                + "',resolution=64,sampling=tiles"),
                        "sampling=tiles"));
        cases.add(
                new Case(
                        "Train StyleGAN2: labels with three channels",
                        f ->
                                run(
                                        "Train StyleGAN2",
                                        "images='"
                                                + f.path("good-images")
                                                + "',output_dir='"
                                                + f.path("run")
                                                + "',resolution=8,sampling=objects,"
                                                + "labels='"
                                                + f.path("good.png")
                                                + "'"),
                        "labels"));
        for (String r : List.of("text.txt", "empty-rois.zip", "outside-rois.zip", "missing.zip")) {
            cases.add(
                    new Case(
                            "Train StyleGAN2: rois " + r,
                            f ->
                                    run(
                                            "Train StyleGAN2",
                                            "images='"
                                                    + f.path("good-images")
                                                    + "',output_dir='"
                                                    + f.path("run")
                                                    + "',resolution=8,sampling=objects,rois='"
                                                    + f.path(r)
                                                    + "'"),
                            "rois"));
        }
    }

    /** Export for Official Training: its own keys (the data keys are those of Train). */
    private static void officialExport(List<Case> cases) {
        String command = "Export for Official Training";
        String[][] bad = {
            {"images='%missing-folder',output_dir='%run'", "images"},
            {"images='%good-images',output_dir='%text.txt',resolution=32", "output_dir"},
            {"images='%good-images',output_dir='%run',resolution=48", "resolution"},
            {"images='%good-images',output_dir='%run',model_file='%missing.pkl'", "model_file"},
            {"images='%good-images',output_dir='%run',class_file='%missing.txt'", "class_file"},
            {"images='%good-images',output_dir='%run',class_file='%text.txt'", "class_file"},
            {
                "images='%good-images',output_dir='%run',resolution=8,model_file='@rgb32'",
                "model_file"
            },
            {
                "images='%good-images',output_dir='%run',resolution=32,model_file='@gema'",
                "model_file"
            },
        };
        for (String[] b : bad) {
            cases.add(
                    new Case(
                            command + ": " + b[1] + " in " + b[0],
                            f ->
                                    run(
                                            command,
                                            b[0].replaceAll("%([\\w.-]+)", f.dir() + "/$1")
                                                    .replace(
                                                            "@rgb32",
                                                            Fixtures.rgb32Pickle().toString())
                                                    .replace(
                                                            "@gema",
                                                            Fixtures.dir()
                                                                    .resolve("res32-rgb/G_ema.pt")
                                                                    .toString())),
                            b[1]));
        }
    }

    /** Values of the wrong kind, and command-line mistakes. */
    private static void values(List<Case> cases) {
        String m = "model_file='" + Fixtures.rgb32Pickle() + "'";
        Object[][] values = {
            {"Generate Images", m + ",seeds='7-3'", "seeds"},
            {"Generate Images", m + ",device=GPU", "device"},
            {"Generate Images", m + ",precision=fp16", "precision"},
            {"Project Image", m + ",precision=half", "precision"},
            {"Style Mixing", m + ",col_styles=sideways", "col_styles"},
            {"Interpolate Latents", m + ",frames=0", "frames"},
            {"Stochastic Variation", m + ",samples=1", "samples"},
            {"Show Activations", m + ",layer=b99.conv0", "layer"},
            {"Project Image", m + ",space=Z", "space"},
            {"Project Image", m + ",sampling=objects", "sampling"},
            {"Project Image", m + ",sampling=objects,rois='/no/such.zip'", "rois"},
            {"Project Image", m + ",sampling=objects,labels='/no/such.tif'", "labels"},
            {"Project Image", m + ",sampling=tiles,scale=0", "scale"},
            {"Train StyleGAN2", "images='/x',output_dir='/y',resolution=48", "resolution"},
            {"Model Info", m + ",frames=3", "frames"},
            {"Evaluate Model", m + ",metrics='fd,ppl'", "metrics"},
            {"Evaluate Model", m + ",metrics=kid", "images"},
            {"Evaluate Model", m + ",metrics=fd,images='/no/such.tif'", "images"},
            {"Evaluate Model", m + ",num_samples=1", "num_samples"},
            {"Evaluate Model", m + ",metrics=linear_separability", "linear_separability"},
            {"Evaluate Model", m + ",lpips_file='/no/such.pt'", "lpips_file"},
            {"Evaluate Model", m + ",metrics=fd,images='/x',sampling=objects", "labels"},
            {"Evaluate Model", m + ",metrics=projection_distance", "images"},
            {"Evaluate Model", m + ",projection_steps=0", "projection_steps"},
            {"Evaluate Model", m + ",projection_images=0", "projection_images"},
            {"Train StyleGAN2", "images='/x',output_dir='/y',intensity=log", "intensity"},
            {"Train StyleGAN2", "images='/x',output_dir='/y',percentile_low=-1", "percentile_low"},
            {
                "Train StyleGAN2",
                "images='/x',output_dir='/y',percentile_high=100.5",
                "percentile_high"
            },
            {
                "Train StyleGAN2",
                "images='/x',output_dir='/y',percentile_low=60,percentile_high=40",
                "percentile_high"
            },
            {"Train StyleGAN2", "images='/x',output_dir='/y',sampling=grid", "sampling"},
            {"Train StyleGAN2", "images='/x',output_dir='/y',sampling=tiles,scale=0", "scale"},
            {
                "Train StyleGAN2",
                "images='/x',output_dir='/y',sampling=tiles,min_foreground=1",
                "min_foreground"
            },
            {"Train StyleGAN2", "images='/x',output_dir='/y',sampling=objects", "labels"},
            {
                "Train StyleGAN2",
                "images='/x',output_dir='/y',sampling=objects,labels='/no/such.tif'",
                "labels"
            },
            {
                "Train StyleGAN2",
                "images='/x',output_dir='/y',sampling=objects,rois=[ROI Manager]",
                "rois"
            },
            {"Demo", "seeds='x'", "seeds"},
        };
        for (Object[] v : values) {
            cases.add(
                    new Case(
                            v[0] + ": " + v[2],
                            f -> run((String) v[0], (String) v[1]),
                            (String) v[2]));
        }
        conditions(cases);
        transitions(cases);
        directions(cases);
        trainingConditions(cases);
        cases.add(
                new Case(
                        "launcher: unknown option",
                        f -> new String[] {"--frobnicate"},
                        "--frobnicate"));
        cases.add(
                new Case(
                        "launcher: unknown command",
                        f -> new String[] {"--run", "Generate Imagez"},
                        "Generate Imagez"));
    }

    /** Classes of conditional models: missing, out of range, given to an unconditional model. */
    private static void conditions(List<Case> cases) {
        String cond = "model_file='" + Fixtures.cond4("network-snapshot-000000.pkl") + "'";
        cases.add(
                new Case(
                        "Generate Images: condition on an unconditional model",
                        f ->
                                run(
                                        "Generate Images",
                                        "model_file='" + Fixtures.rgb32Pickle() + "',condition=2"),
                        "condition"));
        cases.add(
                new Case(
                        "Generate Images: no condition for a conditional model",
                        f -> run("Generate Images", cond),
                        "condition"));
        cases.add(
                new Case(
                        "Generate Images: condition out of range",
                        f -> run("Generate Images", cond + ",condition=4"),
                        "condition"));
        cases.add(
                new Case(
                        "Evaluate Model: projection_distance on a conditional model without a"
                                + " condition",
                        f ->
                                run(
                                        "Evaluate Model",
                                        cond
                                                + ",metrics=projection_distance,images='"
                                                + f.dir()
                                                + "'"),
                        "condition"));
    }

    /** Condition Transition: classes, method, inputs and the AVI file. */
    private static void transitions(List<Case> cases) {
        String cond = "model_file='" + Fixtures.cond4("network-snapshot-000000.pkl") + "'";
        Object[][] values = {
            {"model_file='" + Fixtures.rgb32Pickle() + "'", "from_condition"},
            {cond + ",to_condition=4", "to_condition"},
            {cond + ",from_condition=wt", "from_condition"},
            {cond + ",method=slerp", "method"},
            {cond + ",frames=1", "frames"},
            {cond + ",class_samples=0", "class_samples"},
            {cond + ",avi_file='/no/such/folder/t.avi'", "avi_file"},
        };
        for (Object[] v : values) {
            cases.add(
                    new Case(
                            "Condition Transition: " + v[1],
                            f -> run("Condition Transition", (String) v[0]),
                            (String) v[1]));
        }
        cases.add(
                new Case(
                        "Condition Transition: latent files with w_lerp",
                        f ->
                                run(
                                        "Condition Transition",
                                        cond + ",latent_files='" + f.path("good.png") + "'"),
                        "latent_files"));
    }

    /** Find Directions and Apply Direction: method, layers, sets, files and strengths. */
    private static void directions(List<Case> cases) {
        String m = "model_file='" + Fixtures.rgb32Pickle() + "'";
        Object[][] values = {
            {"Find Directions", m + ",method=ica,output_file='/tmp/x.npz'", "method"},
            {"Find Directions", m + ",output_file='/no/such/folder/d.npz'", "output_file"},
            {"Find Directions", m, "output_file"},
            {"Find Directions", m + ",layers=fin,output_file='/tmp/x.npz'", "layers"},
            {"Find Directions", m + ",method=svm,output_file='/tmp/x.npz'", "negative_latents"},
            {
                "Find Directions",
                m + ",method=svm,negative_latents='/no/such.npz',output_file='/tmp/x.npz'",
                "negative_latents"
            },
            {"Find Directions", m + ",method=class_mean,output_file='/tmp/x.npz'", "class_mean"},
            {"Find Directions", m + ",num_directions=0,output_file='/tmp/x.npz'", "num_directions"},
            {"Apply Direction", m, "direction_file"},
            {"Apply Direction", m + ",direction_file='/no/such.npz'", "direction_file"},
        };
        for (Object[] v : values) {
            cases.add(
                    new Case(
                            v[0] + ": " + v[2] + " (" + v[1].toString().replace(m, "") + ")",
                            f -> run((String) v[0], (String) v[1]),
                            (String) v[2]));
        }
        cases.add(
                new Case(
                        "Apply Direction: direction_file that is no .npz",
                        f ->
                                run(
                                        "Apply Direction",
                                        m + ",direction_file='" + f.path("text.npz") + "'"),
                        "direction_file"));
        cases.add(
                new Case(
                        "Apply Direction: strengths",
                        f ->
                                run(
                                        "Apply Direction",
                                        m
                                                + ",strengths='1:2',direction_file='"
                                                + f.path("text.npz")
                                                + "'"),
                        "strengths"));
    }

    /** Train StyleGAN2's conditions: bad values, labels that cannot train. */
    private static void trainingConditions(List<Case> cases) {
        Object[][] bad = {
            {"an unknown value", "conditions='colour'"},
            {"a CSV listing a missing file", "conditions='%s'"},
            {"one class only", "conditions='%s'"},
            {"folders without subfolders", "conditions='folders'"},
            {"sampling tiles", "conditions='folders',sampling='tiles'"},
        };
        String[] csv = {null, "labels-missing.csv", "labels-one.csv", null, null};
        for (int i = 0; i < bad.length; i++) {
            String keys = (String) bad[i][1];
            String file = csv[i];
            cases.add(
                    new Case(
                            "Train StyleGAN2: conditions, " + bad[i][0],
                            f ->
                                    run(
                                            "Train StyleGAN2",
                                            "images='"
                                                    + f.path("good-images")
                                                    + "',output_dir='"
                                                    + f.path("run")
                                                    + "',resolution=8,"
                                                    + (file == null
                                                            ? keys
                                                            : String.format(keys, f.path(file)))),
                            "conditions"));
        }
    }

    private static String[] run(String command, String args) {
        return new String[] {"--run", command, args};
    }
}
