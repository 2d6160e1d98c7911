// StyleGAN2 by macro: generate images, mix styles, look at one layer's activations and their statistics.
// Keys left out take the command's defaults (never values remembered from a dialog); the Macro Recorder
// records these same lines. Set the model file first.
model = "/path/to/network-snapshot.pkl";
if (getArgument() != "") model = getArgument();

run("Generate Images", "model_file=[" + model + "] seeds=0-7 truncation_psi=0.7");
print("Generated " + nSlices + " images; slice 1 is " + getInfo("slice.label"));

run("Style Mixing", "model_file=[" + model + "] row_seeds=0-3 col_seeds=4-7 col_styles=coarse");
selectImage("Style mixing grid");

run("Show Activations", "model_file=[" + model + "] seed=0 layer=b8.conv0");
print("Channel 0 of b8.conv0: max/median |a| = " + Table.get("max/median |a|", 0, "Activation statistics"));
