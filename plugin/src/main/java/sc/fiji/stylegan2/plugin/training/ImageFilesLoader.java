package sc.fiji.stylegan2.plugin.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.scijava.plugin.Plugin;
import sc.fiji.stylegan2.training.data.DataOptions;
import sc.fiji.stylegan2.training.data.ImageStackData;
import sc.fiji.stylegan2.training.data.TrainingData;

/**
 * Reads a TIFF stack file or a folder of TIFF/PNG/JPEG images with the data library ({@link ImageFiles},
 * {@link ImageStackData}: center-crop to square, resize to the resolution, the intensity range chosen by
 * {@link DataOptions} to [-1, 1]).
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
        return load(images, resolution, DataOptions.DEFAULT);
    }

    @Override
    public TrainingData load(Path images, int resolution, DataOptions options) throws IOException {
        try {
            return ImageStackData.builder().setResolution(resolution).optIntensity(options.intensity())
                    .build(ImageFiles.read(images));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("images '" + images + "': " + e.getMessage(), e);
        } catch (IOException e) { // unreadable images are bad input; the message names the file already
            throw new IllegalArgumentException("images" + (Files.isDirectory(images) ? " '" + images + "'" : "")
                    + ": " + e.getMessage(), e);
        }
    }
}
