package sc.fiji.stylegan2.model.memory;

/**
 * Work ran out of memory even at the smallest batch, or training ran out of memory and stopped. The
 * message is one line for the user: what ran out, what was kept, and what to do.
 *
 * <p>An {@link IllegalArgumentException}, as every user-facing problem with a value here is: the
 * commands report those as one line, and the value at fault is one the user chose (batch size,
 * model, resolution) that this machine cannot hold.
 */
public final class NotEnoughMemoryException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public NotEnoughMemoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
