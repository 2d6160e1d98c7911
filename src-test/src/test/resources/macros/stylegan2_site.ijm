// Runs the StyleGAN2 commands of an ImageJ installed from the update site by install.sh (nothing else on the
// class path) in batch mode and writes what came back, as key=value lines. Argument: "model|work folder|results".
args = split(getArgument(), "|");
model = args[0];
work = args[1];
f = File.open(args[2]);
setBatchMode(true);

run("Generate Images", "model_file=[" + model + "] seeds=0-3 truncation_psi=0.7");
print(f, "generate.title=" + getTitle());
print(f, "generate.slices=" + nSlices);
for (i = 1; i <= nSlices; i++) {
    setSlice(i);
    print(f, "generate.label." + i + "=" + getInfo("slice.label"));
}
close();
// Not set on the command line: the plugin switches DJL's offline mode on itself.
print(f, "djl.offline=" + call("java.lang.System.getProperty", "ai.djl.offline"));

run("Style Mixing", "model_file=[" + model + "] row_seeds=0,1 col_seeds=2-4 col_styles=coarse");
selectImage("Style mixing cells");
print(f, "mixing.cells.slices=" + nSlices);
setSlice(nSlices);
print(f, "mixing.cells.last=" + getInfo("slice.label"));
selectImage("Style mixing grid");
print(f, "mixing.grid.size=" + getWidth() + "x" + getHeight());

run("Show Activations", "model_file=[" + model + "] seed=1 layer=b8.conv0");
selectImage("Activations");
print(f, "activations.slices=" + nSlices);
setSlice(6);
print(f, "activations.label.6=" + getInfo("slice.label"));
print(f, "statistics.rows=" + Table.size("Activation statistics"));
print(f, "statistics.channel.5=" + Table.get("channel", 5, "Activation statistics"));

run("Generate Images", "model_file=[" + model + "] seeds=1");
saveAs("Tiff", work + "/seed1.tif");
close();
run("Project Image", "model_file=[" + model + "] target=[" + work + "/seed1.tif] space=W num_steps=2 save_every=0 latent_file=[" + work + "/seed1_w.npz]");
selectImage("Reconstruction");
print(f, "project.slices=" + nSlices);
print(f, "project.label.1=" + getMetadata("Label"));
print(f, "project.latent=" + File.exists(work + "/seed1_w.npz"));
print(f, "done=true");
File.close(f);
