package sc.fiji.stylegan2.plugin.testutil;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.scijava.Context;

/**
 * A headless SciJava {@link Context} for a test class, as Fiji runs the commands without a display:
 * one context opened before the class's {@code @BeforeAll} methods (with {@code
 * java.awt.headless=true}) and disposed after its {@code @AfterAll} methods. Every test of the
 * class shares it:
 *
 * <pre>
 *   &#64;RegisterExtension
 *   static final HeadlessContext scijava = new HeadlessContext();
 *   ...
 *   Commands.run(scijava.context(), GenerateImagesCommand.class, "seeds", "0-3");
 * </pre>
 */
public final class HeadlessContext implements BeforeAllCallback, AfterAllCallback {

    private Context context;

    @Override
    public void beforeAll(ExtensionContext extension) {
        System.setProperty("java.awt.headless", "true");
        context = new Context();
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        context.close();
        context = null;
    }

    /**
     * The open context; only between the class's first {@code @BeforeAll} and its last
     * {@code @AfterAll}.
     */
    public Context context() {
        if (context == null) {
            throw new IllegalStateException(
                    "no SciJava context open: register HeadlessContext on a static field");
        }
        return context;
    }
}
