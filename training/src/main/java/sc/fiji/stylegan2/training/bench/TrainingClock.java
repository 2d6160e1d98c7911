package sc.fiji.stylegan2.training.bench;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * The training time of a benchmark run, with evaluation paused out of it: either wall time, or this
 * process's CPU time (all its threads, the native libtorch ones included). CPU time is what "the
 * same CPU time per architecture" means when two runs share the machine, each on its own core
 * ({@code OMP_NUM_THREADS=1}): whatever else runs stretches the wall time of both but not their
 * budgets.
 */
final class TrainingClock {

    private final LongSupplier nanos;
    private final long start;
    private long paused;
    private long pauseStart;

    private TrainingClock(LongSupplier nanos) {
        this.nanos = nanos;
        this.start = nanos.getAsLong();
    }

    /** Wall time. */
    static TrainingClock wall() {
        return new TrainingClock(System::nanoTime);
    }

    /** This process's CPU time. */
    static TrainingClock cpu() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
        return new TrainingClock(os::getProcessCpuTime);
    }

    void pause() {
        pauseStart = nanos.getAsLong();
    }

    void resume() {
        paused += nanos.getAsLong() - pauseStart;
    }

    double trainingMinutes() {
        return (nanos.getAsLong() - start - paused) / 60e9;
    }
}
