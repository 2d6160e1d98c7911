package sc.fiji.stylegan2.e2e;

import java.awt.AWTException;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.Window;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;

/**
 * What the drivers of real ImageJ 1.x windows under Xvfb share: waiting for the GUI, and
 * screenshots.
 */
final class Gui {

    /** How long a driver waits for one thing to appear on screen. */
    static final long TIMEOUT_MS = 90_000;

    private Gui() {}

    /**
     * Polls {@code condition} every 100 ms until it holds; fails naming {@code what} after the
     * timeout.
     */
    static void waitFor(BooleanSupplier condition, String what)
            throws InterruptedException, IOException {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new IOException("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** The pixels of a region of the screen, row by row. */
    static int[] capture(Robot robot, Rectangle region) {
        return robot.createScreenCapture(region)
                .getRGB(0, 0, region.width, region.height, null, 0, region.width);
    }

    /**
     * Waits until a region of the screen differs from {@code before} and then shows the same pixels
     * in two polls in a row: what a click opened there has been drawn. Fails naming {@code what}
     * after the timeout.
     */
    static void waitForChange(Robot robot, Rectangle region, int[] before, String what)
            throws InterruptedException, IOException {
        waitFor(() -> !Arrays.equals(before, capture(robot, region)), what);
        waitForStill(robot, region, what + " drawn");
    }

    /**
     * Waits until a region of the screen shows the same pixels in two polls in a row, one poll
     * interval apart (moves and repaints done).
     */
    static void waitForStill(Robot robot, Rectangle region, String what)
            throws InterruptedException, IOException {
        int[][] last = {null};
        waitFor(
                () -> {
                    int[] now = capture(robot, region);
                    boolean still = last[0] != null && Arrays.equals(last[0], now);
                    last[0] = now;
                    return still;
                },
                what);
    }

    /** Waits until a window shows on screen with its top left corner at (x, y). */
    static void waitForLocation(Window window, int x, int y, String what)
            throws InterruptedException, IOException {
        Point at = new Point(x, y);
        waitFor(
                () -> window.isShowing() && at.equals(window.getLocationOnScreen()),
                what + " at " + x + ", " + y);
    }

    /** The whole screen. */
    static Rectangle screen() {
        return new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
    }

    /** Saves the whole screen as a PNG. */
    static void screenshot(Path png) throws AWTException, IOException {
        ImageIO.write(new Robot().createScreenCapture(screen()), "png", png.toFile());
    }
}
