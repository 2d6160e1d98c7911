package sc.fiji.stylegan2.plugin.ij1;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.measure.ResultsTable;
import java.util.ArrayList;
import java.util.List;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import org.scijava.command.CommandInfo;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import sc.fiji.stylegan2.plugin.image.ImageJ1Stacks;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;

/**
 * Shows a finished command's outputs the ImageJ 1.x way: images as 32-bit stacks or hyperstacks
 * with their slice labels ({@link ImageJ1Stacks}), titled with the output's label; tables in their
 * own window under the output's label (a macro reads them with {@code Table.get(column, row,
 * title)}); text in the Log. In a batch-mode macro the images go to the macro's hidden images, the
 * last one current.
 */
public final class OutputViewer {

    private OutputViewer() {}

    /** Shows every non-null output and returns the images shown, in order. */
    public static List<ImagePlus> show(CommandInfo info, Module module) {
        List<ImagePlus> shown = new ArrayList<>();
        for (ModuleItem<?> item : info.outputs()) {
            Object value = module.getOutput(item.getName());
            String title =
                    item.getLabel() == null || item.getLabel().isBlank()
                            ? item.getName()
                            : item.getLabel();
            if (value instanceof RandomAccessibleInterval<?> rai) {
                ImagePlus imp = toImagePlus(WindowManager.makeUniqueName(title), rai);
                imp.show();
                shown.add(imp);
            } else if (value instanceof ResultsTable table) {
                table.show(title);
            } else if (value != null) {
                IJ.log(String.valueOf(value));
            }
        }
        return shown;
    }

    @SuppressWarnings("unchecked")
    static ImagePlus toImagePlus(String title, RandomAccessibleInterval<?> rai) {
        if (rai instanceof LabeledFloatImg labeled) {
            return ImageJ1Stacks.toImagePlus(title, labeled);
        }
        if (rai.getType() instanceof RealType<?>) {
            return ImageJ1Stacks.toImagePlus(
                    title, (RandomAccessibleInterval<? extends RealType<?>>) rai, null);
        }
        throw new IllegalArgumentException(
                "cannot show images of type " + rai.getType().getClass().getSimpleName());
    }
}
