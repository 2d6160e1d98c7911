package sc.fiji.stylegan2.e2e;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;
import java.awt.EventQueue;
import java.awt.Menu;
import java.awt.MenuBar;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives a real ImageJ 1.x window under Xvfb (started by {@link ImageJ1ScreenshotTest} in its own
 * JVM, with only ImageJ on the class path and the plugin installed in plugins/): runs Generate
 * Images from its menu command with the Macro Recorder on, fills the dialog and presses OK as a
 * user would, then opens Plugins › StyleGAN2 and saves a screenshot. Writes {@code key=value}
 * results.
 *
 * <p>Arguments: model file, results file, screenshot PNG.
 */
public final class ImageJ1GuiDriver {

    private ImageJ1GuiDriver() {}

    public static void main(String[] args) throws Exception {
        List<String> results = new ArrayList<>();
        Path resultFile = Path.of(args[1]);
        try {
            run(args[0], Path.of(args[2]), results);
        } catch (Exception | Error e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            results.add("error=" + cause.toString().replaceAll("\\R", " "));
        } finally {
            Files.write(resultFile, results);
            System.exit(0);
        }
    }

    private static void run(String model, Path png, List<String> results) throws Exception {
        ImageJ ij = new ImageJ();
        Gui.waitFor(ij::isShowing, "ImageJ window");
        EventQueue.invokeAndWait(() -> ij.setLocation(0, 0));
        Recorder recorder = new Recorder();
        IJ.doCommand("Generate Images"); // what the menu item does, in its own thread
        GenericDialog gd = (GenericDialog) waitForWindow("StyleGAN2 Generate Images");
        EventQueue.invokeAndWait(
                () -> {
                    textField(gd, "Model file").setText(model);
                    textField(gd, "Seeds").setText("0-3");
                    textField(gd, "Truncation psi").setText("0.7");
                    gd.actionPerformed(
                            new ActionEvent(
                                    gd.getButtons()[0], ActionEvent.ACTION_PERFORMED, "OK"));
                });
        Gui.waitFor(
                () -> WindowManager.getImage("Generated images") != null, "the generated stack");
        ImagePlus imp = WindowManager.getImage("Generated images");
        Gui.waitFor(
                () -> imp.getWindow() != null && imp.getWindow().isShowing(), "the stack window");
        results.add("stack.slices=" + imp.getStackSize());
        results.add("stack.label.4=" + imp.getStack().getSliceLabel(4));
        Gui.waitFor(
                () -> recorder.getText().contains("run(\"Generate Images\""),
                "the recorded macro line");
        recorder.getText()
                .lines()
                .filter(l -> l.contains("Generate Images"))
                .forEach(l -> results.add("recorded=" + l));
        arrange(imp, recorder);
        openStyleGAN2Menu(ij, results);
        Gui.waitForStill(new Robot(), Gui.screen(), "the open menus");
        Gui.screenshot(png);
        results.add("screenshot=" + png);
    }

    /**
     * The text field a dialog shows after the label {@code label} as ImageJ displays it ({@code
     * Model file} for the key {@code model_file}), alone or in a panel with a button: fields are
     * found as a user finds them, not by position, so the test does not depend on the dialog's
     * order.
     */
    private static TextField textField(GenericDialog gd, String label) {
        String last = null;
        for (java.awt.Component c : gd.getComponents()) {
            if (c instanceof java.awt.Label l) {
                last = l.getText().trim().replaceFirst(":$", "");
                continue;
            }
            java.awt.Component[] candidates =
                    c instanceof java.awt.Panel p
                            ? p.getComponents()
                            : new java.awt.Component[] {c};
            for (java.awt.Component inner : candidates) {
                if (inner instanceof TextField field && label.equals(last)) {
                    return field;
                }
            }
        }
        throw new IllegalStateException("no text field labelled " + label + " in " + gd.getTitle());
    }

    private static void arrange(ImagePlus imp, Recorder recorder) throws Exception {
        EventQueue.invokeAndWait(
                () -> {
                    imp.setSlice(2);
                    for (int i = 0; i < 3; i++) {
                        imp.getCanvas().zoomIn(0, 0); // 64 px shown at 300 %
                    }
                    imp.getWindow().setLocation(20, 400);
                    recorder.setBounds(540, 400, 470, 200);
                });
        Gui.waitForLocation(imp.getWindow(), 20, 400, "the stack window");
        Gui.waitForLocation(recorder, 540, 400, "the Recorder");
        Gui.waitForStill(new Robot(), Gui.screen(), "the arranged windows");
    }

    /**
     * Clicks Plugins in the menu bar, then StyleGAN2 in it, as a user would. AWT draws menus itself
     * under X11 and tells no item positions, so the labels are found on screen: runs of dark
     * columns in the bar, and lines of text in the open menu, both in menu order.
     */
    private static void openStyleGAN2Menu(ImageJ ij, List<String> results) throws Exception {
        MenuBar bar = ij.getMenuBar();
        int plugins = -1;
        for (int i = 0; i < bar.getMenuCount(); i++) {
            if ("Plugins".equals(bar.getMenu(i).getLabel())) {
                plugins = i;
            }
        }
        Menu menu = bar.getMenu(plugins);
        int item = -1, steps = 0;
        for (int i = 0; i < menu.getItemCount(); i++) {
            String label = menu.getItem(i).getLabel();
            if (!"-".equals(label)) {
                if ("StyleGAN2".equals(label)) {
                    item = steps;
                }
                steps++;
            }
        }
        if (menu.getItem(menuIndex(menu, "StyleGAN2")) instanceof Menu sub) {
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < sub.getItemCount(); i++) {
                labels.add(sub.getItem(i).getLabel());
            }
            results.add("menu.stylegan2=" + String.join(";", labels));
        }
        Robot robot = new Robot();
        robot.setAutoDelay(150);
        List<int[]> words = labelsOnScreen(robot, ij.getWidth());
        results.add("menu.bar.labels.found=" + words.size());
        int[] word = words.get(plugins);
        Rectangle pluginsMenu = new Rectangle(word[0] + 2, 24, 90, 400); // where textRows looks
        int[] closed = Gui.capture(robot, pluginsMenu);
        robot.mouseMove((word[0] + word[1]) / 2, 12);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        Gui.waitForChange(robot, pluginsMenu, closed, "the Plugins menu");
        List<int[]> rows = textRows(robot, word[0] + 2, 24);
        results.add("menu.plugins.rows.found=" + rows.size());
        int[] row = rows.get(item);
        Rectangle subMenu = new Rectangle(word[0] + 92, 24, Gui.screen().width - word[0] - 92, 400);
        int[] noSubMenu = Gui.capture(robot, subMenu);
        robot.mouseMove(word[0] + 30, (row[0] + row[1]) / 2);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        Gui.waitForChange(robot, subMenu, noSubMenu, "the StyleGAN2 submenu");
        robot.mouseMove(word[0] + 60, (row[0] + row[1]) / 2); // hover: the submenu stays open
    }

    /** [first, last] y of the text lines of an open menu whose items start at x, below y0. */
    private static List<int[]> textRows(Robot robot, int x, int y0) {
        BufferedImage strip = robot.createScreenCapture(new Rectangle(x, y0, 90, 400));
        List<int[]> rows = new ArrayList<>();
        int start = -1, last = -100;
        for (int y = 0; y < strip.getHeight(); y++) {
            boolean dark = false;
            for (int dx = 0; dx < strip.getWidth() && !dark; dx++) {
                int rgb = strip.getRGB(dx, y);
                dark = ((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255) < 300;
            }
            if (dark) {
                if (y - last >= 3) {
                    if (start >= 0) {
                        rows.add(new int[] {y0 + start, y0 + last});
                    }
                    start = y;
                }
                last = y;
            }
        }
        if (start >= 0) {
            rows.add(new int[] {y0 + start, y0 + last});
        }
        return rows;
    }

    /**
     * [first, last] x of each label in the menu bar (top 24 px): dark columns, gaps under 8 px
     * joined.
     */
    private static List<int[]> labelsOnScreen(Robot robot, int width) {
        BufferedImage strip = robot.createScreenCapture(new Rectangle(0, 0, width, 24));
        List<int[]> words = new ArrayList<>();
        int start = -1, last = -100;
        for (int x = 0; x < width; x++) {
            boolean dark = false;
            for (int y = 3; y < 21 && !dark; y++) {
                int rgb = strip.getRGB(x, y);
                dark = ((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255) < 300;
            }
            if (dark) {
                if (x - last >= 8) {
                    if (start >= 0) {
                        words.add(new int[] {start, last});
                    }
                    start = x;
                }
                last = x;
            }
        }
        if (start >= 0) {
            words.add(new int[] {start, last});
        }
        return words;
    }

    private static int menuIndex(Menu menu, String label) {
        for (int i = 0; i < menu.getItemCount(); i++) {
            if (label.equals(menu.getItem(i).getLabel())) {
                return i;
            }
        }
        return -1;
    }

    private static void type(Robot robot, int key) {
        robot.keyPress(key);
        robot.keyRelease(key);
    }

    private static Window waitForWindow(String title) throws Exception {
        Window[] found = new Window[1];
        Gui.waitFor(
                () -> {
                    for (Window w : Window.getWindows()) {
                        if (w.isShowing()
                                && w instanceof java.awt.Dialog d
                                && title.equals(d.getTitle())) {
                            found[0] = w;
                            return true;
                        }
                    }
                    return false;
                },
                "dialog '" + title + "'");
        return found[0];
    }
}
