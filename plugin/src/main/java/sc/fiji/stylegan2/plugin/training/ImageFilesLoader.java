package sc.fiji.stylegan2.plugin.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.scijava.plugin.Plugin;
import sc.fiji.stylegan2.training.data.DataOptions;
import sc.fiji.stylegan2.training.data.DataPreparation;
import sc.fiji.stylegan2.training.data.SourceImage;
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
        List<SourceImage> labelPlanes = labels == null ? null : readLabels(labels);
        try {
            return DataPreparation.prepare(
                    ImageFiles.read(images), labelPlanes, resolution, options);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new IllegalArgumentException(
                    m.startsWith("labels") || m.startsWith("sampling")
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
