package sc.fiji.stylegan2.model.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.network.GeneratorConfig;

class GenerationMemoryTest {

    static final GeneratorConfig TINY =
            GeneratorConfig.builder()
                    .setZDim(16)
                    .setWDim(16)
                    .setMappingLayers(2)
                    .setResolution(16)
                    .setImgChannels(1)
                    .setChannelBase(128)
                    .setChannelMax(16)
                    .build();

    @Test
    void generatingManyBatchesLeavesNoArraysBehind() {
        try (StyleGAN2Model model =
                StyleGAN2Model.create(TINY, null, IntensityMapping.OFFICIAL_8BIT, 0)) {
            GenerateRequest req =
                    GenerateRequest.builder(0, 1, 2, 3, 4, 5, 6)
                            .optBatchSize(2)
                            .optNoiseMode(NoiseMode.RANDOM)
                            .build();
            model.generate(
                    req, ProgressListener.NONE); // warm-up: any lazily created state exists now
            int before = model.manager().getManagedArrays().size();
            for (int i = 0; i < 5; i++) {
                model.generate(req, ProgressListener.NONE);
            }
            assertEquals(before, model.manager().getManagedArrays().size());
        }
    }
}
