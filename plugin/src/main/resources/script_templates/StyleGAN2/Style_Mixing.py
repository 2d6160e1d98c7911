#@ File (label = "Model file (.pkl, .pt or .sg2)", style = "open") model_file
#@ String (label = "Row seeds", value = "0-3") row_seeds
#@ String (label = "Column seeds", value = "4-7") col_seeds
#@ String (label = "Styles from the columns", choices = {"coarse", "middle", "fine", "coarse+fine"}) col_styles
#@ CommandService command
#@output ij.ImagePlus grid

# StyleGAN2 style mixing (StyleGAN Sec. 3.1), as Plugins > StyleGAN2 > Style Mixing: each row seed's image
# with the chosen styles of each column seed, as one grid image (column seeds on top, row seeds on the left).
# Every key is given, so no value remembered from an earlier dialog changes the result.
from sc.fiji.stylegan2.plugin.command import StyleMixingCommand
from sc.fiji.stylegan2.plugin.image import ImageJ1Stacks

inputs = {"model_file": model_file, "row_seeds": row_seeds, "col_seeds": col_seeds, "col_styles": col_styles,
          "truncation_psi": 1.0, "noise_mode": "const", "output_range": "model", "batch_size": 8,
          "device": "auto"}
module = command.run(StyleMixingCommand, True, inputs).get()
if module.isCanceled():
    raise Exception(module.getCancelReason())
grid = ImageJ1Stacks.toImagePlus("Style mixing grid", module.getOutput("grid"))
