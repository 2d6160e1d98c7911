package sc.fiji.stylegan2.model.bench;

import java.nio.file.Paths;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.network.GeneratorConfig;

/**
 * Writes a freshly initialised generator (z = w = 512, mapping 8, RGB) for benchmarks: {@code
 * MakeModel <resolution> <channel_base> <channel_max> <file.sg2>}.
 */
public final class MakeModel {

    private MakeModel() {}

    public static void main(String[] args) throws Exception {
        GeneratorConfig cfg =
                GeneratorConfig.builder()
                        .setZDim(512)
                        .setWDim(512)
                        .setMappingLayers(8)
                        .setResolution(Integer.parseInt(args[0]))
                        .setImgChannels(3)
                        .setChannelBase(Integer.parseInt(args[1]))
                        .setChannelMax(Integer.parseInt(args[2]))
                        .build();
        try (StyleGAN2Model m =
                StyleGAN2Model.create(cfg, null, IntensityMapping.OFFICIAL_8BIT, 0)) {
            m.save(Paths.get(args[3]));
        }
    }
}
