// Trains for one minibatch on crops centred on the ROIs of the ROI Manager ("images|output folder|results"),
// as a user who outlined cells and ran Train StyleGAN2 with rois=[ROI Manager] would.
args = split(getArgument(), "|");
f = File.open(args[2]);
setBatchMode(true);
newImage("outlines", "32-bit black", 16, 16, 1);
makeOval(2, 2, 6, 6);
roiManager("add");
makeOval(8, 7, 6, 6);
roiManager("add");
print(f, "rois=" + roiManager("count"));
run("Train StyleGAN2", "images=[" + args[0] + "] output_dir=[" + args[1] + "] resolution=8 kimg=0.008"
    + " snapshot_kimg=0.008 sampling=objects rois=[ROI Manager]");
print(f, "done=true");
File.close(f);
