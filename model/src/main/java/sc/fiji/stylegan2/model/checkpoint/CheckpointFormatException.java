package sc.fiji.stylegan2.model.checkpoint;

import java.io.IOException;

/**
 * A model file that cannot be read as a StyleGAN2 checkpoint: truncated, foreign, or holding
 * tensors of the wrong shape. The message is meant for the user: it names the file and says what is
 * wrong and what to do.
 */
public class CheckpointFormatException extends IOException {

    public CheckpointFormatException(String message) {
        super(message);
    }

    public CheckpointFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
