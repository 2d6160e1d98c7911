#@ File model_file
#@ String (value = "0,1") row_seeds
#@ String (value = "fine") col_styles
#@ CommandService command
#@output Object grid
#@output Integer cell_count
#@output String first_label

// A Fiji script that runs the Style Mixing command; every key is given, so nothing a dialog remembered
// changes the result.
def module = command.run("sc.fiji.stylegan2.plugin.command.StyleMixingCommand", true,
        "model_file", model_file, "row_seeds", row_seeds, "col_seeds", "2", "col_styles", col_styles,
        "truncation_psi", 1.0d, "noise_mode", "const", "output_range", "raw", "batch_size", 8,
        "device", "auto").get()
if (module.isCanceled()) {
    throw new IllegalStateException(module.getCancelReason())
}
grid = module.getOutput("grid")
def cells = module.getOutput("cells")
cell_count = cells.imageCount()
first_label = cells.labels()[0]
