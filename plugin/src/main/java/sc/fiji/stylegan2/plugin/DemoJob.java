package sc.fiji.stylegan2.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.network.DiscriminatorConfig;
import sc.fiji.stylegan2.model.network.GeneratorConfig;

/**
 * The README's main job on a fresh machine, with nothing to download: makes a freshly initialised
 * StyleGAN2 (official initialisation, fixed seed) of config {@code small} at 32 px, grayscale, saves it as
 * {@code model.sg2}, and runs the real {@code Generate Images} and {@code Model Info} commands through the
 * headless launcher, writing {@code generated.tif} and {@code model-info.txt} into the output folder.
 *
 * <p>Until training lands the images are those of an untrained generator (smooth random textures).
 */
public final class DemoJob {

    private DemoJob() {}

    public static void main(String[] args) throws IOException {
        Path dir = Paths.get(args.length > 0 ? args[0] : "stylegan2-demo").toAbsolutePath();
        Files.createDirectories(dir);
        Path model = dir.resolve("model.sg2");
        GeneratorConfig cfg = GeneratorConfig.builder().setZDim(128).setWDim(128).setMappingLayers(2)
                .setResolution(32).setImgChannels(1).setChannelBase(2048).setChannelMax(64).build();
        try (StyleGAN2Model m = StyleGAN2Model.create(cfg, DiscriminatorConfig.matching(cfg),
                IntensityMapping.OFFICIAL_8BIT, 0)) {
            m.save(model);
        }
        System.err.println("stylegan2: wrote " + model);
        int rc = Headless.run(new String[] {"--run", "Generate Images",
                "model_file='" + model + "',seeds='0-15',truncation_psi=0.7", "--save",
                dir.resolve("generated.tif").toString()}, System.out, System.err);
        if (rc == Headless.EXIT_OK) {
            try (java.io.PrintStream info = new java.io.PrintStream(
                    Files.newOutputStream(dir.resolve("model-info.txt")), true, "UTF-8")) {
                rc = Headless.run(new String[] {"--run", "Model Info", "model_file='" + model + "'"}, info, System.err);
            }
            System.err.println("stylegan2: wrote " + dir.resolve("model-info.txt"));
        }
        System.exit(rc);
    }
}
