// Trains for one minibatch through the ImageJ 1.x bridge in batch mode ("images|output folder|results")
// and writes how many images are open then: a batch macro gets no preview stack or loss plot.
args = split(getArgument(), "|");
f = File.open(args[2]);
setBatchMode(true);
run("Train StyleGAN2", "images=[" + args[0] + "] output_dir=[" + args[1] + "] resolution=8 kimg=0.008"
    + " snapshot_kimg=0.008");
print(f, "images.open=" + nImages);
print(f, "done=true");
File.close(f);
