package sc.fiji.stylegan2.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * ImageJ 1.x with its window under Xvfb ({@link ImageJ1GuiDriver} in its own JVM): Generate Images
 * run from the menu with the Macro Recorder on records a {@code run("Generate Images", "key=value
 * ...")} line, the stack is on screen, the Plugins › StyleGAN2 menu is open, and the screen is
 * saved as {@code src-test/target/screenshots/imagej1-stylegan2-menu.png}.
 */
class ImageJ1ScreenshotTest {

    @Test
    void menuIsOpenStackIsShownAndTheRecorderWroteTheMacroLine() throws Exception {
        Path home = ImageJ1.install("imagej1-gui");
        Path shots = Files.createDirectories(E2E.repoRoot().resolve("src-test/target/screenshots"));
        Path png = shots.resolve("imagej1-stylegan2-menu.png");
        Files.deleteIfExists(png);
        Path results = home.resolve("gui-results.txt");
        String classPath =
                ImageJ1.ijJar()
                        + java.io.File.pathSeparator
                        + Path.of(
                                ImageJ1GuiDriver.class
                                        .getProtectionDomain()
                                        .getCodeSource()
                                        .getLocation()
                                        .toURI());
        Processes.Result run =
                ImageJ1.runUnderXvfb(
                        home,
                        classPath,
                        List.of(
                                ImageJ1GuiDriver.class.getName(),
                                E2E.gray64().toString(),
                                results.toString(),
                                png.toString()),
                        240);
        Map<String, String> r = E2E.keyValues(results);
        assertTrue(r.containsKey("screenshot"), () -> "driver failed:\n" + r + "\n" + run.all());

        assertEquals("4", r.get("stack.slices"));
        assertEquals("seed=3", r.get("stack.label.4"));
        assertEquals(
                "Generate Images;Style Mixing;Interpolate Latents;Stochastic Variation;Show Activations;"
                        + "Project Image;Condition Transition;Find Directions;Apply Direction;Model Info;Convert Checkpoint;Train StyleGAN2;Export for Official Training;Evaluate Model;Demo;Install GPU Support",
                r.get("menu.stylegan2"));
        String recorded = r.get("recorded");
        assertTrue(
                recorded.startsWith("run(\"Generate Images\", \"model_file=" + E2E.gray64()),
                recorded);
        // The keys the command bases share first, then the command's own (SciJava lists a base's
        // parameters first).
        assertTrue(
                recorded.contains(
                        " truncation_psi=0.7 output_range=model batch_size=8 noise_mode=const seeds=0-3"),
                recorded);

        BufferedImage shot = ImageIO.read(png.toFile());
        assertEquals(1024, shot.getWidth());
        assertTrue(distinctColours(shot) > 50, "the screenshot shows windows, not a blank screen");
    }

    private static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
