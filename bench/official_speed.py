#!/usr/bin/env python3
"""Times the official NVlabs StyleGAN2-ADA (PyTorch) networks on this CPU, for bench/side-by-side.sh.

Not part of the product and not the official code: it imports a checkout the user already has
(--official DIR) and times its classes, with the setups our own benchmarks use, so that one run on one
machine gives both sides. Nothing here fetches or builds that code.

  generation: G(z, c, noise_mode='const') under no_grad, z = w = 512, mapping 8, channel base 8192, at
    most 256 channels, RGB, float32 (num_fp16_res 0: float16 convolutions do not run on a CPU), the
    official default fused modulated convolution of eval mode. img/s = batch / median call time.
  training: the official training step on random reals, float32 without conv clamp (the official
    --fp32), lazy regularization (Greg every 4, Dreg every 16 minibatches, gain = interval, Adam with
    the official lazy lr and betas), the official StyleGAN2Loss, nan_to_num on the gradients and the
    G_ema update, batch 8, no augmentation; the two setups of ./stylegan2 --bench training-speed.
    Timed over whole 16-minibatch cycles after the warm-up (at least --warmup minibatches and
    WARMUP_SECONDS, as ours), as the official per-tick sec/kimg.

Run it as bench/side-by-side.sh does: LD_PRELOAD=libtcmalloc_minimal.so.4 OPENBLAS_NUM_THREADS=1.
"""

import argparse
import copy
import os
import statistics
import sys
import time

import torch

# The least warm-up time per training row, as SpeedBenchmark.WARMUP_SECONDS.
WARMUP_SECONDS = 30

# The networks of ./stylegan2 --bench training-speed and --bench precision: z, w, mapping layers, channel base, max.
SETUPS = {
    '512/8/8192/256': dict(z=512, w=512, map=8, base=8192, max=256),
    'small': dict(z=128, w=128, map=2, base=2048, max=64),
}


def networks(spec, res, channels):
    from training import networks as n
    G = n.Generator(z_dim=spec['z'], c_dim=0, w_dim=spec['w'], img_resolution=res, img_channels=channels,
                    mapping_kwargs=dict(num_layers=spec['map']),
                    synthesis_kwargs=dict(channel_base=spec['base'], channel_max=spec['max'],
                                          num_fp16_res=0, conv_clamp=None))
    D = n.Discriminator(c_dim=0, img_resolution=res, img_channels=channels, channel_base=spec['base'],
                        channel_max=spec['max'], num_fp16_res=0, conv_clamp=None,
                        epilogue_kwargs=dict(mbstd_group_size=4))
    return G, D


def generation(args):
    print('| official generator 8192/256 | batch | img/s |')
    print('|---|---:|---:|')
    spec = SETUPS['512/8/8192/256']
    for res in args.resolutions:
        G, _ = networks(spec, res, 3)
        G = G.eval().requires_grad_(False)
        for batch in (1, 8):
            c = torch.zeros([batch, 0])
            times = []
            with torch.no_grad():
                for _ in range(2):
                    G(torch.randn([batch, G.z_dim]), c, noise_mode='const')
                end = time.perf_counter() + args.seconds
                while time.perf_counter() < end or len(times) < 3:
                    z = torch.randn([batch, G.z_dim])
                    t0 = time.perf_counter()
                    G(z, c, noise_mode='const')
                    times.append(time.perf_counter() - t0)
            print(f'| {res} px | {batch} | {batch / statistics.median(times):.2f} |', flush=True)


def training(args):
    from torch_utils import misc
    from training.loss import StyleGAN2Loss
    print('| official setup | px | batch | s/minibatch | kimg/h |')
    print('|---|---:|---:|---:|---:|')
    batch = 8
    for name, spec in SETUPS.items():
        if name not in args.setups:
            continue
        for res in args.resolutions:
            torch.manual_seed(0)
            G, D = networks(spec, res, 1)
            G = G.train().requires_grad_(False)
            D = D.train().requires_grad_(False)
            G_ema = copy.deepcopy(G).eval()
            # Config auto's objective: gamma = 0.0002 res^2 / batch, EMA batch * 10 / 32 kimg, ramp-up 0.05.
            loss = StyleGAN2Loss(device=torch.device('cpu'), G_mapping=G.mapping, G_synthesis=G.synthesis, D=D,
                                 r1_gamma=0.0002 * res ** 2 / batch)
            phases = []
            for prefix, module, interval in (('G', G, 4), ('D', D, 16)):
                # Lazy regularization (StyleGAN2 Sec. 3.1): lr and betas scaled by interval / (interval + 1).
                ratio = interval / (interval + 1)
                opt = torch.optim.Adam(module.parameters(), lr=0.0025 * ratio, betas=(0, 0.99 ** ratio), eps=1e-8)
                phases += [(prefix + 'main', module, opt, 1), (prefix + 'reg', module, opt, interval)]
            ema_kimg, ema_rampup = batch * 10 / 32, 0.05
            cur_nimg = 0

            def step(batch_idx):
                nonlocal cur_nimg
                real = torch.randint(0, 256, [batch, 1, res, res], dtype=torch.uint8).to(torch.float32) / 127.5 - 1
                c = torch.zeros([batch, 0])
                for phase, module, opt, interval in phases:
                    if batch_idx % interval != 0:
                        continue
                    opt.zero_grad(set_to_none=True)
                    module.requires_grad_(True)
                    loss.accumulate_gradients(phase=phase, real_img=real, real_c=c, gen_z=torch.randn([batch, G.z_dim]),
                                              gen_c=c, sync=True, gain=interval)
                    module.requires_grad_(False)
                    for p in module.parameters():
                        if p.grad is not None:
                            misc.nan_to_num(p.grad, nan=0, posinf=1e5, neginf=-1e5, out=p.grad)
                    opt.step()
                # beta = 0.5^(batch / ema_nimg)
                ema_nimg = min(ema_kimg * 1000, cur_nimg * ema_rampup)
                beta = 0.5 ** (batch / max(ema_nimg, 1e-8))
                with torch.no_grad():
                    for p_ema, p in zip(G_ema.parameters(), G.parameters()):
                        p_ema.copy_(p.lerp(p_ema, beta))
                    for b_ema, b in zip(G_ema.buffers(), G.buffers()):
                        b_ema.copy_(b)
                cur_nimg += batch

            batch_idx = 0
            warmup_end = time.perf_counter() + WARMUP_SECONDS
            while batch_idx < args.warmup or time.perf_counter() < warmup_end or batch_idx % 16 != 0:
                step(batch_idx)
                batch_idx += 1
            steps = 16 * args.cycles
            t0 = time.perf_counter()
            for _ in range(steps):
                step(batch_idx)
                batch_idx += 1
            per_step = (time.perf_counter() - t0) / steps
            print(f'| {name} | {res} | {batch} | {per_step:.3f} | {batch / per_step * 3.6:.1f} |', flush=True)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('part', choices=['generation', 'training'])
    p.add_argument('--official', required=True, help='a checkout of NVlabs/stylegan2-ada-pytorch')
    p.add_argument('--resolutions', type=lambda s: [int(x) for x in s.split(',')], default=None)
    p.add_argument('--seconds', type=float, default=6, help='generation: seconds per case')
    p.add_argument('--warmup', type=int, default=32, help='training: warm-up minibatches')
    p.add_argument('--cycles', type=int, default=2, help='training: timed 16-minibatch cycles')
    p.add_argument('--setups', type=lambda s: s.split(','), default=list(SETUPS),
                   help='training: which setups, comma-separated (default: ' + ','.join(SETUPS) + ')')
    args = p.parse_args()
    if not os.path.isfile(os.path.join(args.official, 'training', 'networks.py')):
        sys.exit(f'official_speed.py: --official {args.official} is not a stylegan2-ada-pytorch checkout'
                 ' (no training/networks.py)')
    sys.path.insert(0, args.official)
    if args.resolutions is None:
        args.resolutions = [32, 64, 128, 256] if args.part == 'generation' else [32, 64]
    print(f'# official code {args.official}, torch {torch.__version__}, {torch.get_num_threads()} threads')
    generation(args) if args.part == 'generation' else training(args)


if __name__ == '__main__':
    main()
