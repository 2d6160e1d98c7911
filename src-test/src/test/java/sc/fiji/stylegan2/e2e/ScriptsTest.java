package sc.fiji.stylegan2.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static sc.fiji.stylegan2.model.testutil.Images.assertImagesClose;

import ij.ImagePlus;
import java.io.File;
import java.net.URISyntaxException;
import java.util.Map;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scijava.script.ScriptModule;
import org.scijava.script.ScriptService;
import sc.fiji.stylegan2.model.testutil.Images;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;
import sc.fiji.stylegan2.plugin.testutil.ImageParts;

/**
 * SciJava scripts with {@code #@} parameters, in Groovy and in Jython, calling the StyleGAN2
 * commands through CommandService, run by SciJava's ScriptService.
 *
 * <p>In Fiji the languages come from the scripting-groovy and scripting-jython plugins, which are
 * not on Maven Central, and scijava-common 2.100.1 does not pick up JSR-223 engines by itself. The
 * test adds the real Groovy and Jython JSR-223 engines to ScriptService's language index, which
 * wraps each in SciJava's {@code AdaptedScriptLanguage} (the base class of those plugins); parsing
 * the parameters, injecting services and inputs, and collecting outputs are ScriptService's own.
 */
class ScriptsTest {

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();

    @BeforeAll
    static void addScriptEngines() {
        System.setProperty(
                "python.cachedir.skip", "true"); // Jython: no package cache in the user's home
        ScriptService scripts = scijava.context().service(ScriptService.class);
        for (ScriptEngineFactory factory : new ScriptEngineManager().getEngineFactories()) {
            scripts.getIndex().add(factory, true);
        }
    }

    private static ScriptModule run(String script, Map<String, Object> inputs) throws Exception {
        ScriptModule module =
                scijava.context()
                        .service(ScriptService.class)
                        .run(resource(script), true, inputs)
                        .get();
        assertNull(module.getReturnValue() instanceof Throwable t ? t : null);
        return module;
    }

    @Test
    void groovyScriptRunsStyleMixingWithItsParameters() throws Exception {
        ScriptModule m =
                run(
                        "style_mixing.groovy",
                        Map.of("model_file", E2E.gray64().toFile(), "row_seeds", "0,1,3"));
        assertEquals("groovy", m.getInfo().getLanguage().getExtensions().get(0));
        assertEquals(3, m.getOutput("cell_count"));
        assertEquals("row seed=0, col seed=2", m.getOutput("first_label"));
        LabeledFloatImg grid = assertInstanceOf(LabeledFloatImg.class, m.getOutput("grid"));
        assertArrayEquals(new long[] {2 * 64, 4 * 64, 1}, grid.dimensionsAsLongArray());
    }

    @Test
    void jythonScriptRunsInterpolateLatentsWithItsParameters() throws Exception {
        ScriptModule m =
                run("interpolate.py", Map.of("model_file", E2E.gray64().toFile(), "frames", 1));
        assertEquals("seed=0;seed=0>1 t=0.500;seed=1", m.getOutput("labels"));
        LabeledFloatImg images = assertInstanceOf(LabeledFloatImg.class, m.getOutput("images"));
        assertImagesClose(
                E2E.gray64Image(1, "1p00"),
                ImageParts.image(images, 2),
                Images.OFFICIAL,
                "last frame against the official seed 1");
    }

    @Test
    void groovyTemplateGeneratesALabelledImageJStack() throws Exception {
        ScriptModule m =
                runTemplate(
                        "Generate_Images.groovy",
                        Map.of(
                                "model_file",
                                E2E.gray64().toFile(),
                                "seeds",
                                "2,5",
                                "truncation_psi",
                                0.7d));
        ImagePlus images = assertInstanceOf(ImagePlus.class, m.getOutput("images"));
        assertEquals(2, images.getStackSize());
        assertEquals("seed=5", images.getStack().getSliceLabel(2));
    }

    @Test
    void jythonTemplateReturnsTheStyleMixingGrid() throws Exception {
        ScriptModule m =
                runTemplate(
                        "Style_Mixing.py",
                        Map.of(
                                "model_file",
                                E2E.gray64().toFile(),
                                "row_seeds",
                                "0",
                                "col_seeds",
                                "1-2",
                                "col_styles",
                                "fine"));
        ImagePlus grid = assertInstanceOf(ImagePlus.class, m.getOutput("grid"));
        assertEquals(3 * 64, grid.getWidth());
        assertEquals(2 * 64, grid.getHeight());
    }

    /**
     * A script template from the plugin jar (script_templates/StyleGAN2/, what Fiji's Script Editor
     * lists).
     */
    private static ScriptModule runTemplate(String name, Map<String, Object> inputs)
            throws Exception {
        String path = "/script_templates/StyleGAN2/" + name;
        String text;
        try (var in = ScriptsTest.class.getResourceAsStream(path)) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        ScriptModule module =
                scijava.context().service(ScriptService.class).run(name, text, true, inputs).get();
        assertNull(module.getReturnValue() instanceof Throwable t ? t : null);
        return module;
    }

    private static File resource(String name) throws URISyntaxException {
        return new File(ScriptsTest.class.getResource("/scripts/" + name).toURI());
    }
}
