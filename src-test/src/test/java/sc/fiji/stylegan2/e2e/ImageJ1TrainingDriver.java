package sc.fiji.stylegan2.e2e;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.ImageWindow;
import ij.gui.Plot;
import ij.gui.PlotWindow;
import java.awt.EventQueue;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.awt.event.WindowEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives Train StyleGAN2 in a real ImageJ 1.x window under Xvfb (started by {@link
 * ImageJ1TrainingPreviewTest} in its own JVM, the plugin installed in plugins/), each run from its
 * menu command with the options a macro would give. Run {@code preview} trains to the end and
 * records the preview stack and loss plot it leaves on screen, then saves a screenshot of them. In
 * run {@code closed} the user closes the preview window as soon as it appears, and once training
 * has gone on, presses Esc; the driver records how training ended. Writes {@code key=value}
 * results.
 *
 * <p>Arguments: training images, work folder, results file, screenshot PNG.
 */
public final class ImageJ1TrainingDriver {

    private ImageJ1TrainingDriver() {}

    public static void main(String[] args) throws Exception {
        List<String> results = new ArrayList<>();
        try {
            ImageJ ij = new ImageJ();
            Gui.waitFor(ij::isShowing, "ImageJ window");
            EventQueue.invokeAndWait(() -> ij.setLocation(0, 0));
            Path images = Path.of(args[0]);
            Path work = Path.of(args[1]);
            trainToTheEnd(images, work.resolve("preview"), results);
            arrange("preview");
            Gui.screenshot(Path.of(args[3]));
            results.add("screenshot=" + args[3]);
            trainAndClosePreview(ij, images, work.resolve("closed"), results);
        } finally {
            Files.write(Path.of(args[2]), results);
            System.exit(0);
        }
    }

    /** What the plugin's menu command gets from a macro: {@code key=value} options. */
    private static String options(Path images, Path out, double kimg, double snapshotKimg) {
        return "images=["
                + images
                + "] output_dir=["
                + out
                + "] resolution=8 config=small kimg="
                + kimg
                + " snapshot_kimg="
                + snapshotKimg;
    }

    private static void trainToTheEnd(Path images, Path out, List<String> results) {
        IJ.run("Train StyleGAN2", options(images, out, 0.016, 0.008));
        ImagePlus preview = WindowManager.getImage(previewTitle("preview"));
        results.add(
                "preview.shown="
                        + (preview != null
                                && preview.getWindow() != null
                                && preview.getWindow().isShowing()));
        if (preview != null) {
            results.add("preview.slices=" + preview.getStackSize());
            results.add("preview.current=" + preview.getCurrentSlice());
            results.add("preview.size=" + preview.getWidth() + "x" + preview.getHeight());
            for (int i = 1; i <= preview.getStackSize(); i++) {
                results.add("preview.label." + i + "=" + preview.getStack().getSliceLabel(i));
            }
        }
        ImagePlus plotImage = WindowManager.getImage(lossesTitle("preview"));
        if (plotImage != null && plotImage.getWindow() instanceof PlotWindow window) {
            Plot plot = window.getPlot();
            results.add("plot.series=" + plot.getDataObjectDesignations().length);
            results.add("plot.g.x=" + join(plot.getDataObjectArrays(0)[0]));
            results.add("plot.d.x=" + join(plot.getDataObjectArrays(1)[0]));
        }
        results.add(
                "log.preview="
                        + IJ.getLog()
                                .lines()
                                .filter(l -> l.contains("kimg; last checkpoint " + out))
                                .toList());
    }

    /**
     * Starts a long run, closes the preview window as a user would when it appears, waits until
     * training has gone on (the status bar shows a larger kimg), then presses Esc and waits for the
     * run to stop.
     */
    private static void trainAndClosePreview(ImageJ ij, Path images, Path out, List<String> results)
            throws Exception {
        Thread run =
                new Thread(
                        () -> IJ.run("Train StyleGAN2", options(images, out, 100, 100)),
                        "train-closed");
        run.start();
        String title = previewTitle("closed");
        Gui.waitFor(
                () ->
                        WindowManager.getImage(title) != null
                                && WindowManager.getImage(title).getWindow() != null,
                "the preview window");
        ImagePlus preview = WindowManager.getImage(title);
        ImageWindow window = preview.getWindow();
        results.add("closed.slices.when.closed=" + preview.getStackSize());
        EventQueue.invokeAndWait(
                () -> window.dispatchEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSING)));
        Gui.waitFor(window::isClosed, "the preview window to close");
        Gui.waitFor(() -> kimgOnStatusBar() >= 0.02, "training to go on after the first snapshot");
        EventQueue.invokeAndWait(
                () ->
                        ij.keyPressed(
                                new KeyEvent(
                                        ij,
                                        KeyEvent.KEY_PRESSED,
                                        System.currentTimeMillis(),
                                        0,
                                        KeyEvent.VK_ESCAPE,
                                        KeyEvent.CHAR_UNDEFINED)));
        run.join(TimeUnit.SECONDS.toMillis(120));
        results.add("closed.stopped=" + !run.isAlive());
        results.add("closed.status=" + ImageJ.getStatusBarText());
        results.add("closed.reopened=" + (WindowManager.getImage(title) != null));
    }

    /** The kimg of a status bar reading {@code training: kimg 0.02 of 100}, else 0. */
    private static double kimgOnStatusBar() {
        Matcher m =
                Pattern.compile("training: kimg ([0-9.]+) of").matcher(ImageJ.getStatusBarText());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /**
     * Preview (48 px, shown at 400 %) and plot side by side, the Log below them, for the
     * screenshot.
     */
    private static void arrange(String run) throws Exception {
        ImagePlus preview = WindowManager.getImage(previewTitle(run));
        ImagePlus plot = WindowManager.getImage(lossesTitle(run));
        if (preview != null && preview.getWindow() != null) {
            IJ.run(preview, "Set... ", "zoom=400 x=24 y=24");
        }
        Window log = WindowManager.getWindow("Log");
        EventQueue.invokeAndWait(
                () -> {
                    if (preview != null && preview.getWindow() != null) {
                        preview.getWindow().setLocation(10, 110);
                    }
                    if (plot != null && plot.getWindow() != null) {
                        plot.getWindow().setLocation(320, 110);
                    }
                    if (log != null) {
                        log.setBounds(10, 560, 1000, 150);
                    }
                });
        if (preview != null && preview.getWindow() != null) {
            Gui.waitForLocation(preview.getWindow(), 10, 110, "the preview");
        }
        if (plot != null && plot.getWindow() != null) {
            Gui.waitForLocation(plot.getWindow(), 320, 110, "the plot");
        }
        if (log != null) {
            Gui.waitForLocation(log, 10, 560, "the Log");
        }
        Gui.waitForStill(new Robot(), Gui.screen(), "the arranged windows");
    }

    private static String previewTitle(String run) {
        return "Training preview: " + run;
    }

    private static String lossesTitle(String run) {
        return "Training losses: " + run;
    }

    private static String join(float[] values) {
        StringBuilder s = new StringBuilder();
        for (float v : values) {
            s.append(s.length() == 0 ? "" : ",")
                    .append(String.format(java.util.Locale.ROOT, "%.3f", v));
        }
        return s.toString();
    }
}
