package sc.fiji.stylegan2.plugin.training;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.ImageWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.plugin.image.GridMontage;
import sc.fiji.stylegan2.plugin.image.ImageJ1Stacks;
import sc.fiji.stylegan2.training.loop.Snapshot;
import sc.fiji.stylegan2.training.loop.TrainingListener;

/**
 * The live preview of a training run (the official {@code fakes*.png}, followed by eye): an ImageJ
 * 1.x stack with one slice per snapshot, each G_ema's fixed-seed images as a {@link GridMontage}
 * labelled {@code kimg 12.000}, in the data's intensity units like every generated image. The
 * display range is the range the generator's [-1, 1] maps to (per channel for a per-channel
 * mapping), the same for every slice, so slices compare. The stack grows in place in its window,
 * which then shows the newest slice; for several channels it is a hyperstack of channels by
 * snapshots.
 *
 * <p>When the slices pass a memory budget, every other older slice is dropped, so the stack still
 * spans the run (every grid is on disk as {@code fakes*.tif} anyway). When the user closes the
 * window the preview stops for the rest of the run, which goes on. Without a window ({@code show}
 * false) it only builds the image.
 */
public final class TrainingPreview implements TrainingListener {

    /** The pixels a preview keeps, in bytes, before it thins out older slices. */
    public static final long BUDGET_BYTES = 256L << 20;

    /** One snapshot's montage: a row-major plane per channel. */
    private record Frame(String label, float[][] planes) {}

    private final String title;
    private final boolean show;
    private final long budgetBytes;
    private final List<Frame> frames = new ArrayList<>();
    private GridMontage layout;
    private ImagePlus imp;

    /**
     * @param title the image's title
     * @param show whether to show it in a window
     * @param budgetBytes the pixels to keep before older slices are thinned out; at least the first
     *     and the newest are always kept
     */
    public TrainingPreview(String title, boolean show, long budgetBytes) {
        this.title = title;
        this.show = show;
        this.budgetBytes = budgetBytes;
    }

    @Override
    public void progress(long done, long total, String message) {
        // a preview changes at snapshots only
    }

    @Override
    public void snapshot(Snapshot s) {
        GeneratedImages grid = s.grid();
        if (grid.count() == 0 || closedByUser()) {
            return;
        }
        if (layout == null) {
            layout = GridMontage.of(grid.count(), grid.width(), grid.height());
        }
        IntensityMapping units = s.intensity();
        float[][] planes = layout.compose(grid, -1); // empty cells at the low end of the range
        for (int c = 0; c < planes.length; c++) {
            float[] plane = planes[c];
            // One plane per channel: channel c's own mapping (a plane of the whole length selects
            // it).
            for (int i = 0; i < plane.length; i++) {
                plane[i] = (float) (plane[i] * units.scale(c) + units.offset(c));
            }
        }
        frames.add(new Frame(String.format(Locale.ROOT, "kimg %.3f", s.kimg()), planes));
        thin(planes.length);
        update(planes.length, units);
    }

    /** The preview image, or null before the first snapshot with a grid. */
    ImagePlus image() {
        return imp;
    }

    /**
     * Keeps the first slice, every other one after it and the newest, until the slices fit the
     * budget.
     */
    private void thin(int channels) {
        long frameBytes = 4L * channels * layout.width() * layout.height();
        while (frames.size() > 2 && frames.size() * frameBytes > budgetBytes) {
            Frame newest = frames.get(frames.size() - 1);
            List<Frame> kept = new ArrayList<>();
            for (int i = 0; i < frames.size() - 1; i += 2) {
                kept.add(frames.get(i));
            }
            kept.add(newest);
            frames.clear();
            frames.addAll(kept);
        }
    }

    /**
     * Puts the slices in the image: a new image (and window) at first, then a new stack in the same
     * image, since ImageJ empties the stack of a closed image and the slices stay ours.
     */
    private void update(int channels, IntensityMapping units) {
        ImageStack stack = new ImageStack(layout.width(), layout.height());
        for (Frame f : frames) {
            for (float[] plane : f.planes()) {
                stack.addSlice(f.label(), plane);
            }
        }
        if (imp == null) {
            imp = ImageJ1Stacks.toImagePlus(title, stack, channels);
            displayRanges(units);
            if (show) {
                imp.show();
            }
        } else {
            int channel = imp.getC();
            imp.setStack(stack, channels, 1, frames.size());
            displayRanges(units);
            imp.setPosition(channel, 1, frames.size());
        }
    }

    /**
     * Each channel's display range is the range its [-1, 1] maps to (one range for a shared
     * mapping).
     */
    private void displayRanges(IntensityMapping units) {
        if (!(imp instanceof ij.CompositeImage composite) || units.isShared()) {
            ImageJ1Stacks.setDisplayRange(imp, units.low(), units.high());
            return;
        }
        int position = composite.getC();
        for (int c = 1; c <= composite.getNChannels(); c++) {
            composite.setPositionWithoutUpdate(c, 1, 1);
            double s = Math.abs(units.scale(c - 1)), o = units.offset(c - 1);
            composite.setDisplayRange(o - s, o + s);
        }
        composite.setPositionWithoutUpdate(position, 1, 1);
    }

    private boolean closedByUser() {
        if (!show || imp == null) {
            return false;
        }
        ImageWindow window = imp.getWindow();
        return window == null || window.isClosed();
    }
}
