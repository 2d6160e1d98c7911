package sc.fiji.stylegan2.training.data;

import java.util.List;
import sc.fiji.stylegan2.model.Calibration;

/**
 * Images as read from a file or folder, with the bit depth of the file they came from (which
 * decides the intensity range when the caller asks for it).
 *
 * @param images the images in order (slices of a stack, or files of a folder sorted by name)
 * @param bitDepth the pixel type of the source
 * @param calibration the pixel size of the source, or null when unknown
 */
public record SourceStack(List<SourceImage> images, BitDepth bitDepth, Calibration calibration) {

    public SourceStack {
        images = List.copyOf(images);
    }

    /** An uncalibrated stack. */
    public SourceStack(List<SourceImage> images, BitDepth bitDepth) {
        this(images, bitDepth, null);
    }
}
