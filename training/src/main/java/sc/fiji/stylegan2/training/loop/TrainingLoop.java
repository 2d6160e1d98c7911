package sc.fiji.stylegan2.training.loop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.generate.GenerateRequest;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.network.Generator;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.checkpoint.OfficialResume;
import sc.fiji.stylegan2.training.checkpoint.SnapshotFiles;
import sc.fiji.stylegan2.training.checkpoint.TrainingCheckpoint;
import sc.fiji.stylegan2.training.checkpoint.TrainingState;
import sc.fiji.stylegan2.training.data.TrainingData;
import sc.fiji.stylegan2.training.metrics.ToRgbContribution;

/**
 * The training loop (official {@code training_loop}): minibatches until the run's length in kimg, a
 * progress tick every {@code tick_kimg} (statistics to the listener and the CSV log), a checkpoint
 * with a fixed-seed image grid at the first tick of a new run, then every {@code snapshot_kimg},
 * and at the end. A cancel ({@link ProgressListener#isCanceled()} or an interrupt of the training
 * thread) writes one more checkpoint and returns; checkpoints are written atomically under new
 * names, so earlier ones are never touched. A minibatch that runs out of memory stops the run
 * without a checkpoint of its half-updated state, saying which batch size to try ({@link
 * TrainingOutOfMemory}).
 */
public final class TrainingLoop {

    /**
     * How a run ended.
     *
     * @param lastCheckpoint the newest checkpoint written or resumed from, or null
     * @param state the counters at the end
     * @param canceled true when the run stopped before its length
     */
    public record Result(Path lastCheckpoint, TrainingState state, boolean canceled) {}

    /** The number of fixed latents G_ema's toRGB shares are measured on at every tick. */
    static final int TORGB_IMAGES = 16;

    private static final int TORGB_BATCH = 8;
    private static final long TORGB_SEED = 0;

    private final TrainingData data;
    private final Path outputDir;
    private final TrainingListener listener;

    public TrainingLoop(TrainingData data, Path outputDir, TrainingListener listener) {
        this.data = data;
        this.outputDir = outputDir;
        this.listener = listener;
    }

    /** Trains a new model with the data's intensity mapping. */
    public Result train(TrainingOptions options) throws IOException {
        TrainingDataCheck.validate(data, options);
        Files.createDirectories(outputDir);
        try (TrainingSession session = TrainingSession.start(options, data.intensity())) {
            if (data.calibration() != null) {
                session.model().setCalibration(data.calibration());
            }
            if (data.classes() != null) {
                session.model().setClassNames(data.classes().names());
            }
            return run(session, null);
        }
    }

    /**
     * Continues a run from a checkpoint: networks, both Adam states, image and minibatch counts,
     * path length mean and random state. A damaged file fails before anything is written.
     *
     * @param adjust changes the checkpoint's options (e.g. a longer {@code kimg}); the networks
     *     must stay
     */
    public Result resume(Path checkpoint, UnaryOperator<TrainingOptions> adjust)
            throws IOException {
        TrainingCheckpoint c = TrainingCheckpoint.read(checkpoint);
        TrainingOptions options;
        try {
            options = adjust.apply(c.options());
            if (!options.generator().equals(c.options().generator())
                    || !options.discriminator().equals(c.options().discriminator())) {
                throw new IllegalArgumentException(
                        "resume: the networks of "
                                + checkpoint.getFileName()
                                + " cannot change (resolution, channels, config)");
            }
            TrainingDataCheck.validate(data, options);
            requireSameClasses(c, checkpoint);
            Files.createDirectories(outputDir);
        } catch (RuntimeException | IOException e) {
            c.model().close();
            throw e;
        }
        try (TrainingSession session = TrainingSession.resume(c, options)) {
            return run(session, checkpoint);
        }
    }

    /**
     * Continues a run of the official trainer from its {@code network-snapshot-<kimg>.pkl}: its
     * networks, kimg and augmentation probability, with the other options from {@code keys} (see
     * {@link OfficialResume}); its notices (Adam starts fresh, ...) go to the listener once. A
     * damaged or unfitting file fails before anything is written.
     *
     * @param keys the options of the run from the data and the user's keys
     */
    public Result resumeOfficial(Path snapshot, TrainingOptions keys) throws IOException {
        OfficialResume r = OfficialResume.read(snapshot, keys, data.intensity());
        TrainingCheckpoint c = r.checkpoint();
        try {
            TrainingDataCheck.validate(data, c.options());
            Files.createDirectories(outputDir);
            if (data.calibration() != null) {
                c.model().setCalibration(data.calibration());
            }
        } catch (RuntimeException | IOException e) {
            c.model().close();
            throw e;
        }
        r.notices().forEach(listener::notice);
        try (TrainingSession session = TrainingSession.resume(c, c.options())) {
            return run(session, snapshot);
        }
    }

    /** A resumed conditional run continues with the classes it was trained on, by name. */
    private void requireSameClasses(TrainingCheckpoint c, Path checkpoint) {
        List<String> saved = c.model().classes().names();
        if (data.classes() != null && !saved.isEmpty() && !saved.equals(data.classes().names())) {
            throw new IllegalArgumentException(
                    "conditions: the data's classes "
                            + data.classes().names()
                            + " are not those of "
                            + checkpoint.getFileName()
                            + " "
                            + saved);
        }
    }

    private Result run(TrainingSession session, Path resumedFrom) throws IOException {
        TrainingOptions o = session.options();
        BatchSampler sampler = new BatchSampler(data, o.seed(), o.mirror());
        TickStats stats = new TickStats();
        int[] dataClasses = data.classes() == null ? null : data.classes().labels();
        Path last = resumedFrom;
        long lastSnapshotNimg = session.state().curNimg();
        boolean firstTick = resumedFrom == null;
        long tickStartNimg = session.state().curNimg();
        long tickStart = System.nanoTime();
        int[] torgbResolutions =
                ToRgbContribution.supports(session.model().generator())
                        ? o.generator().blockResolutions()
                        : new int[0];
        try (TickLog log = new TickLog(outputDir, torgbResolutions)) {
            while (true) {
                if (canceled()) {
                    if (session.state().curNimg() != lastSnapshotNimg) {
                        last = snapshot(session, Snapshot.Reason.CANCELED, last);
                    }
                    return new Result(last, session.state(), true);
                }
                long cur = session.state().curNimg();
                int n = session.batchSize();
                float[] reals = sampler.batch(cur, n);
                int[] realClasses = sampler.classes(cur, n);
                try {
                    stats.add(session.step(reals, realClasses, dataClasses));
                } catch (
                        RuntimeException
                                e) { // out of memory: stop; a half-trained minibatch is never saved
                    throw TrainingOutOfMemory.stop(session, last, e);
                } catch (OutOfMemoryError e) {
                    throw TrainingOutOfMemory.stop(session, last, e);
                }
                cur = session.state().curNimg();
                listener.progress(
                        cur,
                        o.totalNimg(),
                        String.format(
                                Locale.ROOT,
                                "training: kimg %.2f of %.0f",
                                cur / 1000.0,
                                o.totalKimg()));
                boolean done = cur >= o.totalNimg();
                if (!done && !firstTick && cur < tickStartNimg + Math.round(o.tickKimg() * 1000)) {
                    continue;
                }
                TickReport report = endTick(session, stats.drain(), tickStartNimg, tickStart);
                log.write(report);
                listener.tick(report);
                if (done
                        || firstTick
                        || cur >= lastSnapshotNimg + Math.round(o.snapshotKimg() * 1000)) {
                    last =
                            snapshot(
                                    session,
                                    done ? Snapshot.Reason.FINISHED : Snapshot.Reason.SCHEDULED,
                                    last);
                    lastSnapshotNimg = cur;
                }
                if (done) {
                    return new Result(last, session.state(), false);
                }
                firstTick = false;
                tickStartNimg = cur;
                tickStart = System.nanoTime();
            }
        }
    }

    /**
     * Closes a tick: timing, ETA, the statistics' means, the augmentation probability, G_ema's
     * toRGB shares.
     */
    private static TickReport endTick(
            TrainingSession session, Map<String, Double> means, long startNimg, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        session.endTick(seconds);
        TrainingState s = session.state();
        TrainingOptions o = session.options();
        double secPerKimg = seconds / Math.max(1, s.curNimg() - startNimg) * 1000;
        double eta = Math.max(0, o.totalNimg() - s.curNimg()) / 1000.0 * secPerKimg;
        means.put(
                TickReport.AUGMENT,
                s.augment().p()); // official Progress/augment: p at the tick's end
        return new TickReport(
                s.tick() - 1,
                s.kimg(),
                o.totalKimg(),
                secPerKimg,
                seconds,
                s.trainingSeconds(),
                eta,
                s.plMean(),
                means,
                torgbShares(session));
    }

    /**
     * G_ema's toRGB share per resolution (StyleGAN2 Fig. 8) on {@link #TORGB_IMAGES} fixed latents
     * with constant noise, the same at every tick so the curves show the network, not the draw;
     * none for a generator without one toRGB per resolution. Java's own {@code Random} draws the
     * latents and no gradient is recorded, so training's random stream and resume stay exact.
     */
    private static List<ToRgbContribution.Share> torgbShares(TrainingSession session) {
        Generator gEma = session.model().generator();
        if (!ToRgbContribution.supports(gEma)) {
            return List.of();
        }
        return ToRgbContribution.measure(
                gEma,
                session.model().manager(),
                TORGB_IMAGES,
                TORGB_BATCH,
                TORGB_SEED,
                ProgressListener.NONE);
    }

    /**
     * Writes a checkpoint under a new name, then G_ema's grid of the fixed seeds, and tells the
     * listener. A failed write names the unchanged {@code previous} checkpoint.
     */
    private Path snapshot(TrainingSession session, Snapshot.Reason reason, Path previous)
            throws IOException {
        Path file = SnapshotFiles.newFile(outputDir, session.state().curNimg());
        // A pending interrupt would close the file channel mid-write; keep it for after the save.
        boolean interrupted = Thread.interrupted();
        try {
            session.checkpoint().write(file);
        } catch (IOException e) { // e.g. a full disk: nothing was written; earlier checkpoints are
            // untouched
            throw new IOException(
                    e.getMessage()
                            + "; training stopped"
                            + (previous == null
                                    ? ""
                                    : ", the last checkpoint "
                                            + previous.getFileName()
                                            + " is unchanged"),
                    e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        listener.snapshot(
                new Snapshot(
                        file,
                        session.state().kimg(),
                        grid(session),
                        session.model().intensity(),
                        reason));
        return file;
    }

    private static GeneratedImages grid(TrainingSession session) {
        int n = session.options().gridImages();
        long[] seeds = new long[n];
        for (int i = 0; i < n; i++) {
            seeds[i] = i;
        }
        if (n == 0) {
            return new GeneratedImages(
                    new float[0],
                    0,
                    session.options().imgChannels(),
                    session.options().resolution(),
                    session.options().resolution(),
                    java.util.List.of());
        }
        if (session.model().classes().conditional()) {
            return ClassGrid.generate(session.model(), seeds);
        }
        GenerateRequest request =
                GenerateRequest.builder(seeds)
                        .optNoiseMode(NoiseMode.CONST)
                        .optOutputRange(OutputRange.RAW)
                        .optBatchSize(Math.min(n, 16))
                        .build();
        return session.model().generate(request, ProgressListener.NONE);
    }

    private boolean canceled() {
        return listener.isCanceled() || Thread.currentThread().isInterrupted();
    }
}
