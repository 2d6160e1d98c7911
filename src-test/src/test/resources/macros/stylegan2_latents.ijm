// Runs the explore commands with latent files in place of seeds through the ImageJ 1.x bridge in batch mode
// and writes what came back, as key=value lines, to a file. Argument: "model|seed1 latent|seeds 2,3 latents|results".
args = split(getArgument(), "|");
model = args[0];
f = File.open(args[3]);
setBatchMode(true);

run("Style Mixing", "model_file=[" + model + "] row_latents=[" + args[1] + "] col_seeds=2,3 col_styles=coarse output_range=raw");
selectImage("Style mixing cells");
setSlice(2);
print(f, "mixing.cells.label.2=" + getInfo("slice.label"));
selectImage("Style mixing grid");
print(f, "mixing.grid.size=" + getWidth() + "x" + getHeight());
print(f, "mixing.grid.row1.10.20=" + d2s(getPixel(10, 64 + 20), 6));

run("Interpolate Latents", "model_file=[" + model + "] latent_files=[" + args[1] + "," + args[2] + "] frames=1 output_range=raw");
print(f, "interpolate.slices=" + nSlices);
setSlice(2);
print(f, "interpolate.label.2=" + getInfo("slice.label"));

run("Show Activations", "model_file=[" + model + "] latent_file=[" + args[1] + "] layer=b8.conv0");
selectImage("Activations");
setSlice(6);
getStatistics(area, mean, min, max);
print(f, "activations.file.mean.6=" + d2s(mean, 9));
print(f, "activations.file.maxabs.6=" + d2s(maxOf(abs(min), abs(max)), 9));
close("Activations");
run("Show Activations", "model_file=[" + model + "] seed=1 layer=b8.conv0");
selectImage("Activations");
setSlice(6);
getStatistics(area, mean);
print(f, "activations.seed.mean.6=" + d2s(mean, 9));

run("Stochastic Variation", "model_file=[" + model + "] latent_file=[" + args[1] + "] samples=2 noise_layers=fine");
selectImage("Noise samples");
setSlice(2);
print(f, "variation.label.2=" + getInfo("slice.label"));
print(f, "done=true");
File.close(f);
