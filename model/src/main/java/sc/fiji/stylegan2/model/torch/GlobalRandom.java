package sc.fiji.stylegan2.model.torch;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The lock on libtorch's default random generator, of which a process has one, shared by every
 * thread ({@code randomNormal} and {@code Engine.setRandomSeed} have no generator argument in DJL).
 * Work whose draws must be reproducible holds it for its whole sequence (a training minibatch:
 * reseed, then every draw; {@code create}: seed, then the initial weights); every other draw (a
 * network's initial weights while a model is loaded, random noise inputs) holds it too, so two
 * commands at once in one Fiji cannot take numbers out of each other's sequence. Reentrant: a draw
 * inside a held sequence just proceeds.
 */
public final class GlobalRandom {

    private static final ReentrantLock LOCK = new ReentrantLock();

    private GlobalRandom() {}

    /** Runs {@code work} holding the lock and returns its result. */
    public static <T> T locked(Supplier<T> work) {
        LOCK.lock();
        try {
            return work.get();
        } finally {
            LOCK.unlock();
        }
    }
}
