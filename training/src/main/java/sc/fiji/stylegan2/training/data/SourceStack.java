package sc.fiji.stylegan2.training.data;

import java.util.List;

/**
 * Images as read from a file or folder, with the bit depth of the file they came from (which decides the
 * intensity range when the caller asks for it).
 *
 * @param images the images in order (slices of a stack, or files of a folder sorted by name)
 * @param bitDepth the pixel type of the source
 */
public record SourceStack(List<SourceImage> images, BitDepth bitDepth) {

    public SourceStack {
        images = List.copyOf(images);
    }
}
