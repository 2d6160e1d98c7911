// Calls a StyleGAN2 command with the options given as the second part of the argument
// ("results|command|options"); the bridge reports a bad value with IJ.error, which aborts the macro, so
// "after" must not be written.
args = split(getArgument(), "|");
f = File.open(args[0]);
print(f, "before=true");
setBatchMode(true);
run(args[1], args[2]);
print(f, "after=true");
File.close(f);
