package sc.fiji.stylegan2.plugin.command;

import org.scijava.plugin.Parameter;

/**
 * Base of the commands that generate stacks of images in batches: the {@code output_range} and
 * {@code batch_size} keys. The choices of {@code output_range} are the names of {@link
 * sc.fiji.stylegan2.model.OutputRange} (a test keeps the two the same).
 */
public abstract class ImageBatchCommand extends TruncationCommand {

    @Parameter(
            label = "Output range",
            description = Descriptions.OUTPUT_RANGE,
            choices = {"model", "raw"})
    protected String output_range = "model";

    @Parameter(label = "Batch size", description = Descriptions.BATCH_SIZE, min = "1")
    protected int batch_size = 8;
}
