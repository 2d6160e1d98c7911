package sc.fiji.stylegan2.e2e;

import java.awt.AWTException;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;

/** What the drivers of real ImageJ 1.x windows under Xvfb share: waiting for the GUI, and screenshots. */
final class Gui {

    /** How long a driver waits for one thing to appear on screen. */
    static final long TIMEOUT_MS = 90_000;

    private Gui() {}

    /** Polls {@code condition} every 100 ms until it holds; fails naming {@code what} after the timeout. */
    static void waitFor(BooleanSupplier condition, String what) throws InterruptedException, IOException {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new IOException("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** Saves the whole screen as a PNG. */
    static void screenshot(Path png) throws AWTException, IOException {
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        ImageIO.write(new Robot().createScreenCapture(screen), "png", png.toFile());
    }
}
