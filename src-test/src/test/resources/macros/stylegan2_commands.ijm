// Runs three StyleGAN2 commands through the ImageJ 1.x bridge in batch mode and writes what came back,
// as key=value lines, to the file given as the second part of the argument ("model|results").
args = split(getArgument(), "|");
model = args[0];
f = File.open(args[1]);
setBatchMode(true);

run("Generate Images", "model_file=[" + model + "] seeds=0-3 truncation_psi=0.7 output_range=raw");
print(f, "generate.title=" + getTitle());
print(f, "generate.slices=" + nSlices);
for (i = 1; i <= nSlices; i++) {
    setSlice(i);
    print(f, "generate.label." + i + "=" + getInfo("slice.label"));
}
setSlice(2);
print(f, "generate.pixel.2.10.20=" + d2s(getPixel(10, 20), 6));

run("Style Mixing", "model_file=[" + model + "] row_seeds=0,1 col_seeds=2-4 col_styles=coarse output_range=raw");
print(f, "mixing.cells.title=" + getTitle());
print(f, "mixing.cells.slices=" + nSlices);
setSlice(nSlices);
print(f, "mixing.cells.last=" + getInfo("slice.label"));
selectImage("Style mixing grid");
print(f, "mixing.grid.size=" + getWidth() + "x" + getHeight() + "x" + nSlices);
print(f, "mixing.grid.corner=" + getPixel(0, 0));
print(f, "mixing.grid.row2.10.20=" + d2s(getPixel(10, 2 * 64 + 20), 6));

run("Show Activations", "model_file=[" + model + "] seed=1 layer=b8.conv0");
selectImage("Activations");
print(f, "activations.slices=" + nSlices);
print(f, "activations.size=" + getWidth() + "x" + getHeight());
setSlice(6);
print(f, "activations.label.6=" + getInfo("slice.label"));
getStatistics(area, mean);
print(f, "activations.mean.6=" + d2s(mean, 6));
print(f, "statistics.rows=" + Table.size("Activation statistics"));
print(f, "statistics.channel.5=" + Table.get("channel", 5, "Activation statistics"));
print(f, "statistics.mean.5=" + d2s(Table.get("mean", 5, "Activation statistics"), 6));
print(f, "statistics.spike.5=" + Table.get("max/median |a|", 5, "Activation statistics"));
print(f, "done=true");
File.close(f);
