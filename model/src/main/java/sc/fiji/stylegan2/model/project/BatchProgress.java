package sc.fiji.stylegan2.model.project;

import sc.fiji.stylegan2.model.ProgressListener;

/**
 * The progress of one batch of projection targets reported as part of the whole run: the batch of
 * targets {@code [from, from + b)} out of {@code count}, each taking {@code steps} steps, so the
 * bar moves evenly over all batches and the message says which targets are running.
 */
public final class BatchProgress {

    private BatchProgress() {}

    /**
     * A listener for the batch that forwards to {@code whole}, with the message prefixed by {@code
     * prefix} and, when the run has more than one batch, by "{@code noun} 3-4 of 8, ".
     */
    public static ProgressListener of(
            ProgressListener whole,
            int from,
            int b,
            int count,
            int steps,
            String prefix,
            String noun) {
        return new ProgressListener() {
            @Override
            public void progress(long done, long total, String message) {
                String which =
                        b == count
                                ? ""
                                : noun
                                        + " "
                                        + (from + 1)
                                        + "-"
                                        + (from + b)
                                        + " of "
                                        + count
                                        + ", ";
                whole.progress(
                        (long) from * steps + done * b,
                        (long) count * steps,
                        prefix + which + message);
            }

            @Override
            public void notice(String message) {
                whole.notice(message);
            }

            @Override
            public boolean isCanceled() {
                return whole.isCanceled();
            }
        };
    }
}
