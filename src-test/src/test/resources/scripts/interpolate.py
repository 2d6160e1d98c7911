#@ File model_file
#@ Integer (value=2) frames
#@ CommandService command
#@output Object images
#@output String labels

# A Fiji Jython script that runs Interpolate Latents with every key given.
from sc.fiji.stylegan2.plugin.command import InterpolateLatentsCommand

inputs = {"model_file": model_file, "seeds": "0,1", "frames": frames, "space": "w", "truncation_psi": 1.0,
          "noise_mode": "const", "output_range": "raw", "batch_size": 8, "device": "auto"}
module = command.run(InterpolateLatentsCommand, True, inputs).get()
if module.isCanceled():
    raise Exception(module.getCancelReason())
images = module.getOutput("images")
labels = ";".join(images.labels())
