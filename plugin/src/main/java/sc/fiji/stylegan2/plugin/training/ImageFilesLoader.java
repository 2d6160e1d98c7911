package sc.fiji.stylegan2.plugin.training;

import ij.ImagePlus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.scijava.plugin.Plugin;
import sc.fiji.stylegan2.training.data.DataOptions;
import sc.fiji.stylegan2.training.data.DataPreparation;
import sc.fiji.stylegan2.training.data.LabelObjects;
import sc.fiji.stylegan2.training.data.SourceImage;
import sc.fiji.stylegan2.training.data.SourceStack;
import sc.fiji.stylegan2.training.data.TrainingData;

/**
 * Reads a TIFF stack file or a folder of TIFF/PNG/JPEG images with the data library ({@link
 * ImageFiles}, {@link DataPreparation}: whole images center-cropped to square, tiles or object
 * crops, resized to the resolution, the intensity range chosen by {@link DataOptions} to [-1, 1]).
 */
@Plugin(type = TrainingDataLoader.class)
public class ImageFilesLoader implements TrainingDataLoader {

    @Override
    public boolean supports(Path images) {
        String name = images.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isDirectory(images) || ImageFiles.EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    @Override
    public TrainingData load(Path images, int resolution) throws IOException {
        return load(images, resolution, DataOptions.DEFAULT, null);
    }

    @Override
    public TrainingData load(Path images, int resolution, DataOptions options, Path labels)
            throws IOException {
        return load(images, resolution, options, labels, null);
    }

    @Override
    public TrainingData load(
            Path images,
            int resolution,
            DataOptions options,
            Path labels,
            List<RoiSets.RoiCentre> rois)
            throws IOException {
        List<SourceImage> labelPlanes = labels == null ? null : readLabels(labels);
        try {
            SourceStack stack;
            List<LabelObjects.LabelObject> objects = null;
            if (rois != null && !Files.isDirectory(images)) {
                // The ROIs' slice and frame positions need the stack's dimensions.
                ImagePlus imp = ImageFiles.open(images);
                stack = ImageFiles.fromImagePlus(imp);
                objects =
                        RoiSets.objects(
                                rois, stack.images().size(), imp.getNChannels(), imp.getNSlices());
            } else {
                stack = ImageFiles.read(images);
                if (rois != null) {
                    int n = stack.images().size();
                    objects = RoiSets.objects(rois, n, 1, n);
                }
            }
            return DataPreparation.prepare(stack, labelPlanes, objects, resolution, options);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new IllegalArgumentException(
                    m.startsWith("labels") || m.startsWith("sampling") || m.startsWith("rois")
                            ? m
                            : "images '" + images + "': " + m,
                    e);
        } catch (
                IOException
                        e) { // unreadable images are bad input; the message names the file already
            throw new IllegalArgumentException(
                    "images"
                            + (Files.isDirectory(images) ? " '" + images + "'" : "")
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private static List<SourceImage> readLabels(Path labels) {
        try {
            return ImageFiles.read(labels).images();
        } catch (IOException e) {
            throw new IllegalArgumentException("labels '" + labels + "': " + e.getMessage(), e);
        }
    }
}
