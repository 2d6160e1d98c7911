package sc.fiji.stylegan2.training.official;

import java.util.stream.Collectors;

/**
 * {@code train.sh}: the official training command for the exported folder. It reads {@code
 * OFFICIAL} (the checkout of NVlabs/stylegan2-ada-pytorch, required), {@code GPUS} (default 1),
 * {@code OUTDIR} and {@code PYTHON} from the environment, checks that the batch divides among the
 * GPUs, makes {@code resume.pkl} when the folder holds networks, and runs either the official
 * {@code train.py} with the exported flags (when they express the whole run) or our {@code
 * train_official.py} with the same flags (when they do not), passing on any extra arguments.
 */
final class TrainScript {

    private TrainScript() {}

    static String of(OfficialTrainCommand cmd, boolean resume, String header) {
        String flags =
                cmd.flags().stream().map(f -> "    " + f + " \\\n").collect(Collectors.joining());
        StringBuilder s = new StringBuilder();
        s.append("#!/usr/bin/env bash\n");
        s.append("# ").append(header).append('\n');
        s.append(
                "# Usage: OFFICIAL=/path/to/stylegan2-ada-pytorch GPUS=4 ./train.sh [more train.py flags]\n");
        s.append(
                "# (e.g. --fp32=1 trains in float32 without conv_clamp, as StyleGAN2 for Fiji does;\n");
        s.append(
                "# the default is the official mixed precision: same parameters, faster on GPUs).\n");
        if (cmd.expressible()) {
            s.append(
                    "# The official flags below rebuild this run exactly (explicit --cfg, never 'auto',\n");
            s.append("# whose batch, gamma and EMA change with the GPU count).\n");
        } else {
            s.append(
                    "# The official flags cannot express this run; train_official.py runs the official\n");
            s.append("# train.py with these flags and then sets what they cannot (export.json,\n");
            s.append("# \"train_overrides\"):\n");
            for (String d : cmd.differences()) {
                s.append("#   ").append(d).append('\n');
            }
        }
        s.append("set -euo pipefail\n");
        s.append("HERE=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")\" && pwd)\"\n");
        s.append(
                "OFFICIAL=\"${OFFICIAL:?set OFFICIAL to your checkout of NVlabs/stylegan2-ada-pytorch}\"\n");
        s.append("GPUS=\"${GPUS:-1}\"\n");
        s.append("OUTDIR=\"${OUTDIR:-$HERE/training-runs}\"\n");
        s.append("PYTHON=\"${PYTHON:-python3}\"\n");
        s.append("BATCH=").append(cmd.batch()).append('\n');
        s.append("MBSTD=").append(cmd.mbstdGroup()).append('\n');
        s.append("if (( BATCH % GPUS != 0 )); then\n");
        s.append(
                "  echo \"train.sh: GPUS=$GPUS does not divide the batch of $BATCH images; use 1, 2, 4 or 8"
                        + " GPUs that divide it\" >&2\n");
        s.append("  exit 2\nfi\n");
        s.append("PER_GPU=$(( BATCH / GPUS ))\n");
        s.append("if (( PER_GPU >= MBSTD && PER_GPU % MBSTD != 0 )); then\n");
        s.append(
                "  echo \"train.sh: $PER_GPU images per GPU is not a multiple of the minibatch-stddev group"
                        + " $MBSTD; use fewer GPUs\" >&2\n");
        s.append("  exit 2\nfi\n");
        s.append("if (( PER_GPU < MBSTD )); then\n");
        s.append(
                "  echo \"train.sh: warning: $PER_GPU images per GPU: the minibatch-stddev group shrinks from"
                        + " $MBSTD to $PER_GPU (the official layer groups within each GPU)\" >&2\n");
        s.append("fi\n");
        String resumeFlag = "";
        if (resume) {
            s.append("if [ ! -f \"$HERE/resume.pkl\" ]; then\n");
            s.append("  \"$PYTHON\" \"$HERE/make_resume_pkl.py\" --official \"$OFFICIAL\"\n");
            s.append("fi\n");
            resumeFlag = "    --resume=\"$HERE/resume.pkl\" \\\n";
        }
        s.append(
                cmd.expressible()
                        ? "\"$PYTHON\" \"$OFFICIAL/train.py\" \\\n"
                        : "\"$PYTHON\" \"$HERE/train_official.py\" --official \"$OFFICIAL\" -- \\\n");
        s.append("    --outdir=\"$OUTDIR\" \\\n");
        s.append("    --data=\"$HERE/dataset.zip\" \\\n");
        s.append("    --gpus=\"$GPUS\" \\\n");
        s.append(resumeFlag);
        s.append(flags);
        s.append("    \"$@\"\n");
        return s.toString();
    }
}
