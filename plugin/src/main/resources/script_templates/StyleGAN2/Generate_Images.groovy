#@ File (label = "Model file (.pkl, .pt or .sg2)", style = "open") model_file
#@ String (label = "Seeds", value = "0-7") seeds
#@ Double (label = "Truncation psi", value = 0.7) truncation_psi
#@ CommandService command
#@output ij.ImagePlus images

// StyleGAN2: one image per seed, as Plugins > StyleGAN2 > Generate Images, returned as an ImageJ stack with
// one slice per seed, labelled "seed=N" (a hyperstack of channels x seeds for RGB models).
// Every key is given (null where unused), so no value remembered from an earlier dialog changes the result.
import sc.fiji.stylegan2.plugin.command.GenerateImagesCommand
import sc.fiji.stylegan2.plugin.image.ImageJ1Stacks

def module = command.run(GenerateImagesCommand, true,
        "model_file", model_file, "seeds", seeds, "latent_file", null, "truncation_psi", truncation_psi,
        "noise_mode", "const", "output_range", "model", "batch_size", 8, "device", "auto").get()
if (module.isCanceled()) {
    throw new IllegalStateException(module.getCancelReason())
}
images = ImageJ1Stacks.toImagePlus("Generated images", module.getOutput("images"))
